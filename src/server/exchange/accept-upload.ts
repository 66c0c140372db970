import fs from "node:fs";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { requireThat } from "../core/access/guards.ts";
import { hasRole, isAdmin } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { AppError, forbidden } from "../infra/http/errors.ts";
import { createJob, findJob } from "./jobs.ts";
import { presentJob } from "./read-job.ts";
import { receiveUpload, type UploadLimits } from "./upload.ts";
import { type JobRunner, runJob, type UploadSlots } from "./upload-job.ts";

const mayImport = (p: Principal) => hasRole(p, "administrator", "regional_coordinator");
const flag = (v: string | undefined) => v === "true" || v === "1" || v === "on";

/**
 * An upload from the web app becomes an import job: only administrators and regional
 * coordinators import (a coordinator only rows of their programmes' sites, checked by the import),
 * only administrators create programmes; a user has at most `slots.perUser` uploads in progress on
 * this server (429 with Retry-After beyond). The files are received, the job is stored and queued
 * on this server's runner, and the job is answered at once (202); the slot is held until the job
 * ends.
 */
export async function acceptUpload(
  ctx: AppContext,
  req: FastifyRequest,
  deps: { limits: UploadLimits; slots: UploadSlots; runner: JobRunner; log: FastifyBaseLogger },
) {
  const { db } = ctx.database;
  const { slots } = deps;
  const p = requireThat(req, mayImport, "only administrators and regional coordinators may import");
  if (!req.isMultipart())
    throw new AppError("unsupported_media_type", "send the files as multipart/form-data");
  if (!slots.take(p.userId)) {
    throw new AppError(
      "rate_limited",
      `you already have ${slots.perUser} imports in progress (PRAXIS_IMPORT_MAX_UPLOADS_PER_USER); wait for one to finish`,
      [],
      { "retry-after": "30" },
    );
  }
  let handedOver = false;
  try {
    const upload = await receiveUpload(req, deps.limits);
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
    deps.runner.enqueue(() =>
      runJob(ctx, id, p, upload, options, deps.log).finally(() => slots.release(p.userId)),
    );
    return presentJob((await findJob(db, id))!);
  } finally {
    if (!handedOver) slots.release(p.userId);
  }
}
