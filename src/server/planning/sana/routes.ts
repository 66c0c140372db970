import type { AppContext, ZodApp } from "../../context.ts";
import { canReadAcrossSites, WHY } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { ProgrammeParams } from "../schemas.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { compareSana } from "./compare.ts";
import { SanaComparison } from "./schemas.ts";
import { sanaTemplateSpec } from "./template.ts";
import { sanaValuesSpec } from "./values.ts";

/** SANA: the template (a definition), values for the region and each site, the comparison. */
export function registerSanaRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  registerArtefactRoutes(app, db, sanaTemplateSpec);
  registerArtefactRoutes(app, db, sanaValuesSpec);
  app.get(
    "/api/programmes/:programmeId/planning/sana/compare",
    { schema: { tags: ["planning"], params: ProgrammeParams, response: { 200: SanaComparison } } },
    async (req) => {
      const { programme } = await resolveProgramme(
        db,
        req,
        req.params.programmeId,
        null,
        canReadAcrossSites,
        WHY.acrossSites,
      );
      return compareSana(db, programme);
    },
  );
}
