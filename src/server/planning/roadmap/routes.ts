import type { AppContext, ZodApp } from "../../context.ts";
import { registerCrossSiteView } from "../cross-site-view.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { roadmapCompliance } from "./compliance.ts";
import { roadmapSpec } from "./roadmap.ts";
import { RoadmapCompliance } from "./schemas.ts";

/** Implementation roadmaps (region and sites) and who has not compiled theirs. */
export function registerRoadmapRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  registerArtefactRoutes(app, db, roadmapSpec);
  registerCrossSiteView(app, db, "roadmap/compliance", RoadmapCompliance, roadmapCompliance);
}
