import fs from "node:fs";
import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { exportableProgramme, zipFiles } from "../exchange/public.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { makeTempDir } from "../infra/files/temp-dir.ts";
import { invalid } from "../infra/http/errors.ts";
import { exportFhirToDirectory, FHIR_FILES } from "./export-fhir.ts";
import { checkPeriod } from "./period.ts";

/**
 * A programme's data for a period as a zip of FHIR R4 NDJSON files, for whoever may export the
 * programme in the exchange format (exchange/export-programme.ts: an administrator or its
 * regional coordinator; 404 unknown, 403 anyone else). A period that is missing, not a date or
 * ends before it starts is refused (400) before anything is read or written. The export is audited
 * by exportFhir; the files are written to a temporary directory, zipped as they are read and
 * removed once the zip is sent.
 */
export async function exportProgrammeFhir(
  db: Db,
  req: FastifyRequest,
  programmeId: number,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<{ code: string; zip: Readable }> {
  const checked = checkPeriod(query.from, query.to);
  if ("issue" in checked)
    throw invalid(`querystring.${checked.issue.field}`, checked.issue.rule, checked.issue.message);
  const { programme, principal } = await exportableProgramme(db, req, programmeId);
  const dir = await makeTempDir("export");
  try {
    await exportFhirToDirectory(db, programme, checked.period, dir, actorOf(principal));
  } catch (err) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
  const zip = zipFiles(dir, [...FHIR_FILES]);
  zip.once("close", () => void fs.promises.rm(dir, { recursive: true, force: true }));
  return { code: programme.code, zip };
}
