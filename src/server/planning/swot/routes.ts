import type { AppContext, ZodApp } from "../../context.ts";
import { canReadAcrossSites, WHY } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { ProgrammeParams } from "../schemas.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { commonFactors } from "./common-factors.ts";
import { CommonFactors } from "./schemas.ts";
import { swotSpec } from "./swot.ts";
import { swotTagsSpec } from "./tags.ts";

/** SWOT: the tag vocabulary, the matrices (region and sites) and the common-factor view. */
export function registerSwotRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  registerArtefactRoutes(app, db, swotTagsSpec);
  registerArtefactRoutes(app, db, swotSpec);
  app.get(
    "/api/programmes/:programmeId/planning/swot/common-factors",
    { schema: { tags: ["planning"], params: ProgrammeParams, response: { 200: CommonFactors } } },
    async (req) => {
      const { programme } = await resolveProgramme(
        db,
        req,
        req.params.programmeId,
        null,
        canReadAcrossSites,
        WHY.acrossSites,
      );
      return commonFactors(db, programme);
    },
  );
}
