import { isAdmin } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";
import { findJob, internalFailure, type Job, updateJob } from "./jobs.ts";

/** A job not touched for this long while running was interrupted (its server stopped). */
const STALE_MS = 10 * 60_000;

/** The API's view of a job (no options, no author). */
export function presentJob(job: Job) {
  return {
    id: job.id,
    status: job.status,
    files: job.files,
    progress: job.progress,
    report: job.report,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/**
 * An import job for its author or an administrator (404 unknown, 403 anyone else). A running job
 * whose server stopped answering (no heartbeat for 10 minutes) is marked rejected on the way.
 */
export async function readImportJob(db: Db, p: Principal, id: string) {
  const job = await findJob(db, id);
  if (!job) throw notFound("import job");
  if (!isAdmin(p) && job.userId !== p.userId)
    throw forbidden("only its author and administrators may read an import job");
  if (
    job.status !== "done" &&
    job.status !== "rejected" &&
    Date.now() - Date.parse(job.updatedAt) > STALE_MS
  ) {
    await updateJob(db, job.id, {
      status: "rejected",
      report: internalFailure("the import was interrupted (its server stopped)"),
    });
    return presentJob((await findJob(db, job.id))!);
  }
  return presentJob(job);
}
