import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../infra/db/database.ts";
import type { ImportResult } from "./import.ts";
import { formatProblem, type Problem } from "./report.ts";
import type { Progress } from "./validate.ts";
import type { ImportCounts } from "./write.ts";

export type JobStatus = "queued" | "validating" | "writing" | "done" | "rejected";

export interface JobReport {
  /** Every problem by file then line, at most `REPORT_CAP` of them. */
  problems: Array<Problem & { text: string }>;
  /** How many problems there were in all. */
  totalProblems: number;
  counts: ImportCounts;
  elapsedMs: number;
}

export interface Job {
  id: string;
  userId: number | null;
  status: JobStatus;
  files: Array<{ name: string; bytes: number }>;
  options: Record<string, unknown>;
  progress: Progress;
  report: JobReport | null;
  createdAt: string;
  updatedAt: string;
}

/** The web app shows the first problems; the CLI prints them all. */
export const REPORT_CAP = 10_000;

export async function createJob(
  db: Db,
  job: { userId: number; actor: string; files: Job["files"]; options: Record<string, unknown> },
): Promise<string> {
  const id = randomUUID();
  const progress: Progress = {
    file: null,
    rowsRead: 0,
    totalBytes: job.files.reduce((n, f) => n + f.bytes, 0),
    bytesRead: 0,
  };
  await db
    .insertInto("import_jobs")
    .values({
      id,
      user_id: job.userId,
      actor: job.actor,
      status: "queued",
      options: JSON.stringify(job.options),
      files: JSON.stringify(job.files),
      progress: JSON.stringify(progress),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

export async function updateJob(
  db: Db,
  id: string,
  patch: { status?: JobStatus; progress?: Progress; report?: JobReport },
): Promise<void> {
  await db
    .updateTable("import_jobs")
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.progress ? { progress: JSON.stringify(patch.progress) } : {}),
      ...(patch.report ? { report: JSON.stringify(patch.report) } : {}),
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .execute();
}

export async function findJob(db: Db, id: string): Promise<Job | null> {
  const row = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status as JobStatus,
    files: row.files as Job["files"],
    options: row.options as Record<string, unknown>,
    progress: row.progress as Progress,
    report: row.report as JobReport | null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The job's report from an import's result. */
export function jobReport(result: ImportResult): JobReport {
  if (result.status === "done")
    return { problems: [], totalProblems: 0, counts: result.counts, elapsedMs: result.elapsedMs };
  const problems = result.problems
    .list()
    .slice(0, REPORT_CAP)
    .map((p) => ({ ...p, text: formatProblem(p) }));
  return { problems, totalProblems: result.problems.size, counts: {}, elapsedMs: result.elapsedMs };
}
