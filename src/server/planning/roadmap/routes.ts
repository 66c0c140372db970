import type { AppContext, ZodApp } from "../../context.ts";
import { canReadAcrossSites, WHY } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { ProgrammeParams } from "../schemas.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { roadmapCompliance } from "./compliance.ts";
import { roadmapSpec } from "./roadmap.ts";
import { RoadmapCompliance } from "./schemas.ts";

/** Implementation roadmaps (region and sites) and who has not compiled theirs. */
export function registerRoadmapRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  registerArtefactRoutes(app, db, roadmapSpec);
  app.get(
    "/api/programmes/:programmeId/planning/roadmap/compliance",
    { schema: { tags: ["planning"], params: ProgrammeParams, response: { 200: RoadmapCompliance } } },
    async (req) => {
      const { programme } = await resolveProgramme(
        db,
        req,
        req.params.programmeId,
        null,
        canReadAcrossSites,
        WHY.acrossSites,
      );
      return roadmapCompliance(db, programme);
    },
  );
}
