import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyBaseLogger } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { Zip, ZipDeflate } from "fflate";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { canEditProgramme, hasRole, isAdmin } from "../infra/auth/access.ts";
import { requireThat } from "../infra/auth/guards.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { AppError, forbidden, notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { coordinatorScope } from "./context.ts";
import { exportToDirectory } from "./export.ts";
import { FILES } from "./files.ts";
import { runImport } from "./import.ts";
import {
  createJob,
  failOrphanedJobs,
  findJob,
  internalFailure,
  type Job,
  jobReport,
  updateJob,
} from "./jobs.ts";
import { makeTempDir } from "./temp-dir.ts";
import { receiveUpload, type Upload, uploadLimits } from "./upload.ts";
import type { Progress } from "./validate.ts";

const tags = ["exchange"];

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
const ImportJob = z.object({
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
const JobParams = z.strictObject({ id: z.string().uuid("an import job id") });

/** A job not touched for this long while running was interrupted (its server stopped). */
const STALE_MS = 10 * 60_000;
const HEARTBEAT_MS = 30_000;

const mayImport = (p: Principal) => hasRole(p, "administrator", "regional_coordinator");
const flag = (v: string | undefined) => v === "true" || v === "1" || v === "on";

/**
 * Imports and exports from the web app. An upload (several CSV files or one zip) becomes a job:
 * the server that received it runs it (one at a time per server) and keeps its state and
 * progress in the database, so whichever server the browser polls can answer. Administrators
 * import anything; a regional coordinator only rows of their programmes' sites. Export: a zip of
 * the programme's CSV files, for an administrator or the programme's regional coordinator.
 */
export function registerExchangeRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const limits = uploadLimits();
  const limit = limits.total;
  const perUser = maxUploadsPerUser();
  /** Uploads of each user in this process, from the first byte received until their job ends. */
  const uploading = new Map<number, number>();
  const release = (userId: number) => {
    const n = (uploading.get(userId) ?? 1) - 1;
    if (n <= 0) uploading.delete(userId);
    else uploading.set(userId, n);
  };
  const runner = new JobRunner(app.log);
  app.addHook("onClose", () => runner.idle());
  app.addHook("onReady", async () => {
    // Housekeeping: a database that is not answering must not stop the server from starting
    // (health then reports it); the next start, or GET /api/imports/:id, catches up.
    try {
      const failed = await failOrphanedJobs(ctx.database);
      if (failed.length) app.log.warn({ jobs: failed }, "import jobs of a stopped server marked as failed");
    } catch (err) {
      app.log.warn({ err }, "import jobs of stopped servers not checked");
    }
  });

  app.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: limit, files: 32, fields: 16, fieldSize: 1024 },
      throwFileSizeLimit: true,
    });
    scoped.withTypeProvider<ZodTypeProvider>().post(
      "/api/imports",
      {
        schema: {
          tags,
          summary: "Upload CSV files (or one zip) in the exchange format; answers with the import job",
          consumes: ["multipart/form-data"],
          // Not validated here (the parts are streamed by receiveUpload); declared so the OpenAPI
          // document says this operation takes a multipart body (the API fuzzer reads that).
          body: z
            .any()
            .describe(
              "CSV files (field `files`) or one zip; fields createProgrammes, ignoreUnknownColumns, region",
            ),
          response: { 202: ImportJob },
        },
      },
      async (req, reply) => {
        const p = requireThat(req, mayImport, "only administrators and regional coordinators may import");
        if (!req.isMultipart())
          throw new AppError("unsupported_media_type", "send the files as multipart/form-data");
        if ((uploading.get(p.userId) ?? 0) >= perUser) {
          throw new AppError(
            "rate_limited",
            `you already have ${perUser} imports in progress (PRAXIS_IMPORT_MAX_UPLOADS_PER_USER); wait for one to finish`,
            [],
            { "retry-after": "30" },
          );
        }
        uploading.set(p.userId, (uploading.get(p.userId) ?? 0) + 1);
        let handedOver = false;
        try {
          return await acceptUpload();
        } finally {
          if (!handedOver) release(p.userId);
        }
        async function acceptUpload() {
          const upload = await receiveUpload(req, limits);
          const options = {
            createProgrammes: flag(upload.fields.createProgrammes),
            ignoreUnknownColumns: flag(upload.fields.ignoreUnknownColumns),
            ...(upload.fields.region ? { region: upload.fields.region } : {}),
          };
          if (options.createProgrammes && !isAdmin(p)) {
            await fs.promises.rm(upload.dir, { recursive: true, force: true });
            throw forbidden("only an administrator may create programmes", "administrators_only");
          }
          const id = await createJob(db, {
            userId: p.userId,
            actor: p.username,
            files: upload.files.map((f) => ({ name: f.name, bytes: f.bytes })),
            options,
          });
          handedOver = true;
          runner.enqueue(() => runJob(ctx, id, p, upload, options, app.log).finally(() => release(p.userId)));
          return reply.status(202).send(present((await findJob(db, id))!));
        }
      },
    );
  });

  app.get(
    "/api/imports/:id",
    {
      schema: {
        tags,
        summary: "An import job: status, progress and report",
        params: JobParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const job = await findJob(db, req.params.id);
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
        return present((await findJob(db, job.id))!);
      }
      return present(job);
    },
  );

  app.get(
    "/api/programmes/:id/export",
    {
      schema: {
        tags,
        summary: "The programme's data as a zip of CSV files in the exchange format",
        params: IdParams,
        produces: ["application/zip"],
      },
    },
    async (req, reply) => {
      const programme = await db
        .selectFrom("programmes")
        .select(["id", "code"])
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (!programme) throw notFound("programme");
      const p = requireThat(
        req,
        (pr) => canEditProgramme(pr, programme.id),
        "only administrators and the programme's regional coordinators may export it",
      );
      const dir = await makeTempDir("export");
      try {
        await exportToDirectory(db, programme, dir, actorOf(p));
      } catch (err) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw err;
      }
      const zip = zipFiles(
        dir,
        FILES.map((f) => f.file),
      );
      zip.once("close", () => void fs.promises.rm(dir, { recursive: true, force: true }));
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${programme.code}-export.zip"`)
        .send(zip);
    },
  );
}

function present(job: Job) {
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

/** Run one uploaded import: its status and progress go to the database as it goes. */
async function runJob(
  ctx: AppContext,
  id: string,
  principal: Principal,
  upload: Upload,
  options: { createProgrammes: boolean; ignoreUnknownColumns: boolean; region?: string },
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
function maxUploadsPerUser(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PRAXIS_IMPORT_MAX_UPLOADS_PER_USER;
  const n = raw ? Number(raw) : 2;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`PRAXIS_IMPORT_MAX_UPLOADS_PER_USER must be a positive integer, got "${raw}"`);
  return n;
}

/** One import at a time per server: a second upload waits as `queued`. */
class JobRunner {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly log: FastifyBaseLogger) {}

  enqueue(job: () => Promise<void>): void {
    this.chain = this.chain.then(job).catch((err) => this.log.error({ err }, "import job failed"));
  }

  idle(): Promise<void> {
    return this.chain;
  }
}

/** A zip of the files of `dir`, deflated as it is read (fflate), with backpressure. */
function zipFiles(dir: string, names: string[]): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, data, final) => {
    if (err) out.destroy(err);
    else {
      out.write(data);
      if (final) out.end();
    }
  });
  (async () => {
    for (const name of names) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      for await (const chunk of fs.createReadStream(path.join(dir, name))) {
        entry.push(chunk as Uint8Array);
        if (out.writableNeedDrain) await once(out, "drain");
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((err) => out.destroy(err));
  return out;
}
