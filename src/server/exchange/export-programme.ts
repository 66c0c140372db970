import fs from "node:fs";
import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { requireThat } from "../core/access/guards.ts";
import { canEditProgramme } from "../core/access/roles.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { makeTempDir } from "../infra/files/temp-dir.ts";
import { notFound } from "../infra/http/errors.ts";
import { exportToDirectory } from "./export.ts";
import { zipFiles } from "./export-zip.ts";
import { FILES } from "./files.ts";

/**
 * A programme's data as a zip of the exchange format's CSV files, for an administrator or the
 * programme's regional coordinator (404 unknown, 403 anyone else); the export is audited by
 * exportToDirectory. The files are written to a temporary directory, zipped as they are read
 * and removed once the zip is sent.
 */
export async function exportProgramme(
  db: Db,
  req: FastifyRequest,
  programmeId: number,
): Promise<{ code: string; zip: Readable }> {
  const { programme, principal: p } = await exportableProgramme(db, req, programmeId);
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
  return { code: programme.code, zip };
}

/**
 * Who may export a programme's patient-level data, in any format: an administrator or the
 * programme's regional coordinator (404 for an unknown programme, 403 for anyone else).
 */
export async function exportableProgramme(
  db: Db,
  req: FastifyRequest,
  programmeId: number,
): Promise<{ programme: { id: number; code: string }; principal: Principal }> {
  const programme = await db
    .selectFrom("programmes")
    .select(["id", "code"])
    .where("id", "=", programmeId)
    .executeTakeFirst();
  if (!programme) throw notFound("programme");
  const principal = requireThat(
    req,
    (pr) => canEditProgramme(pr, programme.id),
    "only administrators and the programme's regional coordinators may export it",
  );
  return { programme, principal };
}
