/** An import job as `GET /api/imports/:id` answers (src/server/exchange/routes.ts). */
export type ImportStatus = "queued" | "validating" | "writing" | "done" | "rejected";

export interface ImportProblem {
  file: string;
  line: number;
  column: string;
  message: string;
  /** `file:line: column: message` */
  text: string;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  files: Array<{ name: string; bytes: number }>;
  progress: { file: string | null; rowsRead: number; totalBytes: number; bytesRead: number };
  report: {
    problems: ImportProblem[];
    totalProblems: number;
    counts: Record<string, ImportCounts>;
    elapsedMs: number;
  } | null;
  createdAt: string;
  updatedAt: string;
}

export const finished = (s: ImportStatus) => s === "done" || s === "rejected";
