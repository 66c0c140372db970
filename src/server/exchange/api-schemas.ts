import { z } from "zod";

/** API shapes of the exchange capability's web endpoints: an import job and its report. */

const JobProgress = z.object({
  file: z.string().nullable(),
  rowsRead: z.number(),
  totalBytes: z.number(),
  bytesRead: z.number(),
});
const Counts = z.object({
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(["queued", "validating", "writing", "done", "rejected"]),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  progress: JobProgress,
  report: z
    .object({
      problems: z.array(
        z.object({
          file: z.string(),
          line: z.number(),
          column: z.string(),
          message: z.string(),
          text: z.string(),
        }),
      ),
      totalProblems: z.number(),
      counts: z.record(z.string(), Counts),
      elapsedMs: z.number(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const JobParams = z.strictObject({ id: z.string().uuid("an import job id") });
