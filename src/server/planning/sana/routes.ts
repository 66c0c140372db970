import type { AppContext, ZodApp } from "../../context.ts";
import { registerCrossSiteView } from "../cross-site-view.ts";
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
  registerCrossSiteView(app, db, "sana/compare", SanaComparison, compareSana);
}
