import type { AppContext, ZodApp } from "../../context.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { tocSpec } from "./toc.ts";

/** Theory of Change, region and sites (diagram export to SVG/PNG is done by the web app). */
export function registerTocRoutes(app: ZodApp, { database }: AppContext): void {
  registerArtefactRoutes(app, database.db, tocSpec);
}
