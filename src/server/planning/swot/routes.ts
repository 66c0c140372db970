import type { AppContext, ZodApp } from "../../context.ts";
import { registerCrossSiteView } from "../cross-site-view.ts";
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
  registerCrossSiteView(app, db, "swot/common-factors", CommonFactors, commonFactors);
}
