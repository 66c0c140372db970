import type { AppContext, ZodApp } from "../../context.ts";
import { canEditPlanning } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { registerCrossSiteView } from "../cross-site-view.ts";
import { ProgrammeParams } from "../schemas.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { actionPlanSpec } from "./action-plan.ts";
import { copyPlanToSites } from "./copy-to-sites.ts";
import { planProgress } from "./progress.ts";
import { CopyToSitesBody, CopyToSitesResult, Progress } from "./schemas.ts";

/** Action plans (region and sites), copying the regional plan to sites, the progress view. */
export function registerActionPlanRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["planning"];
  registerArtefactRoutes(app, db, actionPlanSpec);

  app.post(
    "/api/programmes/:programmeId/planning/action-plan/region/copy-to-sites",
    {
      schema: { tags, params: ProgrammeParams, body: CopyToSitesBody, response: { 200: CopyToSitesResult } },
    },
    async (req) => {
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.programmeId,
        null,
        (p, prog) => canEditPlanning(p, prog, null),
        "only an administrator or a regional coordinator of this programme may copy the regional plan to sites",
      );
      return copyPlanToSites(db, actorOf(principal), programme, req.body);
    },
  );

  registerCrossSiteView(app, db, "action-plan/progress", Progress, planProgress);
}
