import multipart from "@fastify/multipart";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { IdParams } from "../shared/schemas.ts";
import { acceptUpload } from "./accept-upload.ts";
import { ImportJob, JobParams } from "./api-schemas.ts";
import { exportProgramme } from "./export-programme.ts";
import { failOrphanedJobs } from "./jobs.ts";
import { readImportJob } from "./read-job.ts";
import { uploadLimits } from "./upload.ts";
import { JobRunner, maxUploadsPerUser, UploadSlots } from "./upload-job.ts";

const tags = ["exchange"];

/**
 * Imports and exports from the web app. An upload (several CSV files or one zip) becomes a job
 * (accept-upload.ts): the server that received it runs it (one at a time per server) and keeps its
 * state and progress in the database, so whichever server the browser polls can answer
 * (read-job.ts). Administrators import anything; a regional coordinator only rows of their
 * programmes' sites. Export (export-programme.ts): a zip of the programme's CSV files, for an
 * administrator or the programme's regional coordinator. This file binds schemas to those.
 */
export function registerExchangeRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const limits = uploadLimits();
  const slots = new UploadSlots(maxUploadsPerUser());
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
      limits: { fileSize: limits.total, files: 32, fields: 16, fieldSize: 1024 },
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
      async (req, reply) =>
        reply.status(202).send(await acceptUpload(ctx, req, { limits, slots, runner, log: app.log })),
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
    async (req) => readImportJob(db, principalOf(req), req.params.id),
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
      const { code, zip } = await exportProgramme(db, req, req.params.id);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${code}-export.zip"`)
        .send(zip);
    },
  );
}
