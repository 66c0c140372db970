import type { AppContext, ZodApp } from "../context.ts";
import { registerActionPlanRoutes } from "./action-plan/routes.ts";
import { registerChainRoutes } from "./chain/routes.ts";
import { registerPlanningOverview } from "./overview.ts";
import { registerQuestionnaireRoutes } from "./questionnaire/routes.ts";
import { registerRecoRoutes } from "./reco/routes.ts";
import { registerRoadmapRoutes } from "./roadmap/routes.ts";
import { registerSanaRoutes } from "./sana/routes.ts";
import { registerSwotRoutes } from "./swot/routes.ts";
import { registerTemplateRoutes } from "./templates/routes.ts";
import { registerTocRoutes } from "./toc/routes.ts";

/**
 * The planning toolkit under /api/programmes/:programmeId/planning: SANA, SWOT, Theory of
 * Change, action plan, roadmap, progress questionnaire, templates. See docs/planning.md.
 */
export function registerPlanningRoutes(app: ZodApp, ctx: AppContext): void {
  registerPlanningOverview(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerSanaRoutes(app, ctx);
  registerSwotRoutes(app, ctx);
  registerTocRoutes(app, ctx);
  registerActionPlanRoutes(app, ctx);
  registerRoadmapRoutes(app, ctx);
  registerQuestionnaireRoutes(app, ctx);
  registerRecoRoutes(app, ctx);
  registerChainRoutes(app, ctx);
}
