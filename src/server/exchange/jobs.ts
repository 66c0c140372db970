import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database, Db } from "../infra/db/database.ts";
import { SERVER_INSTANCE } from "../infra/db/instance.ts";
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
      owner: SERVER_INSTANCE,
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

/** A report of one line for a job that failed outside the import's own checks. */
export function internalFailure(message: string): JobReport {
  const problem = { file: "-", line: 0, column: "-", message: `${message}; nothing was written` };
  return {
    problems: [{ ...problem, text: `-:0: -: ${problem.message}` }],
    totalProblems: 1,
    counts: {},
    elapsedMs: 0,
  };
}

/**
 * At start: fail the jobs left unfinished by a server that died (killed mid-write: its
 * transaction rolled back, so nothing was written). On PGlite one process owns the database,
 * so every unfinished job of another instance is dead. On PostgreSQL a job is dead only when
 * no connection of its owner is left in pg_stat_activity (each server keeps its LISTEN
 * connection for its whole life); jobs from before owners were recorded are left to the
 * staleness check of GET /api/imports/:id. Returns the ids failed.
 */
export async function failOrphanedJobs(database: Database): Promise<string[]> {
  const report = JSON.stringify(
    internalFailure("the import was interrupted: the server running it stopped before it finished"),
  );
  const unfinished = ["queued", "validating", "writing"];
  const rows =
    database.kind === "pglite"
      ? await database.db
          .updateTable("import_jobs")
          .set({ status: "rejected", report, updated_at: sql`now()` })
          .where("status", "in", unfinished)
          .where((eb) => eb.or([eb("owner", "is", null), eb("owner", "!=", SERVER_INSTANCE)]))
          .returning("id")
          .execute()
      : await database.db
          .updateTable("import_jobs")
          .set({ status: "rejected", report, updated_at: sql`now()` })
          .where("status", "in", unfinished)
          .where("owner", "is not", null)
          .where("owner", "!=", SERVER_INSTANCE)
          .where(
            sql<boolean>`not exists (select 1 from pg_stat_activity a
              where a.application_name like 'praxis %' and a.application_name like '% ' || import_jobs.owner)`,
          )
          .returning("id")
          .execute();
  return rows.map((r) => r.id);
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
