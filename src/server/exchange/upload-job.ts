import fs from "node:fs";
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { isAdmin } from "../core/access/roles.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { coordinatorScope } from "./context.ts";
import { runImport } from "./import.ts";
import { internalFailure, jobReport, updateJob } from "./jobs.ts";
import type { Upload } from "./upload.ts";
import type { Progress } from "./validate.ts";

/**
 * Running an uploaded import as a job: one at a time per server (a second waits as `queued`),
 * its status and progress saved to the database as it goes so that whichever server the browser
 * polls can answer, with a heartbeat so a job whose server stopped is recognised as interrupted.
 */

const HEARTBEAT_MS = 30_000;

export type ImportOptions = { createProgrammes: boolean; ignoreUnknownColumns: boolean; region?: string };

/** Run one uploaded import: its status and progress go to the database as it goes. */
export async function runJob(
  ctx: AppContext,
  id: string,
  principal: Principal,
  upload: Upload,
  options: ImportOptions,
  log: FastifyBaseLogger,
): Promise<void> {
  const { db } = ctx.database;
  let inflight: Promise<void> | null = null;
  let last = 0;
  let latest: Progress | null = null;
  const save = (patch: Parameters<typeof updateJob>[2]) => {
    inflight = updateJob(db, id, patch)
      .catch((err) => log.warn({ err }, "import job progress not saved"))
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
  // On PGlite the write holds the only connection: a heartbeat then waits, which is harmless.
  const heartbeat = setInterval(() => {
    if (!inflight) void save({});
  }, HEARTBEAT_MS);
  try {
    await updateJob(db, id, { status: "validating" });
    const scope = isAdmin(principal) ? null : await coordinatorScope(db, principal);
    const result = await runImport(ctx.database, {
      files: upload.files,
      source: `upload: ${upload.files.map((f) => f.name).join(", ")}`,
      options,
      actor: actorOf(principal),
      scope,
      databaseUrl: ctx.config.databaseUrl,
      jobId: id,
      onProgress: (progress) => {
        latest = progress;
        const now = Date.now();
        if (inflight || now - last < 500) return;
        last = now;
        void save({ progress });
      },
      onPhase: async (phase) => {
        await inflight;
        if (phase === "writing") await updateJob(db, id, { status: "writing" });
      },
    });
    await inflight;
    const total = upload.files.reduce((n, f) => n + f.bytes, 0);
    await updateJob(db, id, {
      status: result.status === "done" ? "done" : "rejected",
      report: jobReport(result),
      progress: {
        file: null,
        rowsRead: (latest as Progress | null)?.rowsRead ?? 0,
        totalBytes: total,
        bytesRead: total,
      },
    });
  } catch (err) {
    log.error({ err }, "import job failed");
    await inflight;
    await updateJob(db, id, {
      status: "rejected",
      report: internalFailure("the import stopped on an internal error"),
    }).catch(() => {});
  } finally {
    clearInterval(heartbeat);
    await fs.promises.rm(upload.dir, { recursive: true, force: true });
  }
}

/** Uploads one user may have in progress on one server at once: `PRAXIS_IMPORT_MAX_UPLOADS_PER_USER`, default 2. */
export function maxUploadsPerUser(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PRAXIS_IMPORT_MAX_UPLOADS_PER_USER;
  const n = raw ? Number(raw) : 2;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`PRAXIS_IMPORT_MAX_UPLOADS_PER_USER must be a positive integer, got "${raw}"`);
  return n;
}

/** One import at a time per server: a second upload waits as `queued`. */
export class JobRunner {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly log: FastifyBaseLogger) {}

  enqueue(job: () => Promise<void>): void {
    this.chain = this.chain.then(job).catch((err) => this.log.error({ err }, "import job failed"));
  }

  idle(): Promise<void> {
    return this.chain;
  }
}

/** Uploads of each user in this process, from the first byte received until their job ends. */
export class UploadSlots {
  private readonly uploading = new Map<number, number>();

  constructor(readonly perUser: number) {}

  /** Take a slot for `userId`; false when the user already has `perUser` uploads in progress. */
  take(userId: number): boolean {
    const n = this.uploading.get(userId) ?? 0;
    if (n >= this.perUser) return false;
    this.uploading.set(userId, n + 1);
    return true;
  }

  release(userId: number): void {
    const n = (this.uploading.get(userId) ?? 1) - 1;
    if (n <= 0) this.uploading.delete(userId);
    else this.uploading.set(userId, n);
  }
}
