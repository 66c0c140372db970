import type { z } from "zod";
import type { ZodApp } from "../context.ts";
import type { ProgrammeWithSites } from "../core/programme-scope.ts";
import type { Db } from "../infra/db/database.ts";
import { resolveAcrossSitesReader } from "./programme-access.ts";
import { ProgrammeParams } from "./schemas.ts";

/**
 * A read across a programme's sites (SANA comparison, SWOT common factors, roadmap compliance):
 * `GET /api/programmes/:programmeId/planning/<path>`, 404 for an unknown programme, 403 unless
 * `canReadAcrossSites`, then `read` on the programme with its sites (typed against `response`,
 * which serializes the reply).
 */
export function registerCrossSiteView<T extends z.ZodType>(
  app: ZodApp,
  db: Db,
  path: string,
  response: T,
  read: (db: Db, programme: ProgrammeWithSites) => Promise<z.infer<T>>,
): void {
  app.get(
    `/api/programmes/:programmeId/planning/${path}`,
    { schema: { tags: ["planning"], params: ProgrammeParams, response: { 200: response as z.ZodType } } },
    async (req) => {
      const { programme } = await resolveAcrossSitesReader(db, req, req.params.programmeId);
      return read(db, programme);
    },
  );
}
