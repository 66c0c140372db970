import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { IdParams } from "../shared/schemas.ts";
import { registerBoundaryRoutes } from "./boundaries-routes.ts";
import { createArea } from "./create-area.ts";
import { createRegion } from "./create-region.ts";
import { createService } from "./create-service.ts";
import { createSite } from "./create-site.ts";
import { listAreas, listRegions, listServices, listSites, siteDetail } from "./queries.ts";
import {
  Area,
  AreaBody,
  AreaPatch,
  AreaQuery,
  Region,
  RegionBody,
  RegionPatch,
  Service,
  ServiceBody,
  ServicePatch,
  ServiceQuery,
  Site,
  SiteBody,
  SiteDetail,
  SitePatch,
  SiteQuery,
} from "./schemas.ts";
import { updateArea } from "./update-area.ts";
import { updateRegion } from "./update-region.ts";
import { updateService } from "./update-service.ts";
import { updateSite } from "./update-site.ts";

/**
 * Implementation structure: regions → areas → sites → services. Reference data that every
 * signed-in user may read (viewers need the site names for aggregates); only administrators
 * change it, one use case a file (create-region.ts … update-service.ts).
 */
export function registerStructureRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  registerBoundaryRoutes(app, ctx);
  const tags = ["structure"];
  const admin = (req: Parameters<typeof requireAdmin>[0]) => actorOf(requireAdmin(req));

  app.get("/api/regions", { schema: { tags, response: { 200: z.array(Region) } } }, async (req) => {
    principalOf(req);
    return listRegions(db);
  });
  app.post(
    "/api/regions",
    { schema: { tags, body: RegionBody, response: { 201: Region } } },
    async (req, reply) => reply.status(201).send(await createRegion(db, admin(req), req.body)),
  );
  app.patch(
    "/api/regions/:id",
    { schema: { tags, params: IdParams, body: RegionPatch, response: { 200: Region } } },
    async (req) => updateRegion(db, admin(req), req.params.id, req.body),
  );

  app.get(
    "/api/areas",
    { schema: { tags, querystring: AreaQuery, response: { 200: z.array(Area) } } },
    async (req) => {
      principalOf(req);
      return listAreas(db, req.query);
    },
  );
  app.post("/api/areas", { schema: { tags, body: AreaBody, response: { 201: Area } } }, async (req, reply) =>
    reply.status(201).send(await createArea(db, admin(req), req.body)),
  );
  app.patch(
    "/api/areas/:id",
    { schema: { tags, params: IdParams, body: AreaPatch, response: { 200: Area } } },
    async (req) => updateArea(db, admin(req), req.params.id, req.body),
  );

  app.get(
    "/api/sites",
    { schema: { tags, querystring: SiteQuery, response: { 200: z.array(Site) } } },
    async (req) => {
      principalOf(req);
      return listSites(db, req.query);
    },
  );
  app.get(
    "/api/sites/:id",
    { schema: { tags, params: IdParams, response: { 200: SiteDetail } } },
    async (req) => {
      principalOf(req);
      return siteDetail(db, req.params.id);
    },
  );
  app.post("/api/sites", { schema: { tags, body: SiteBody, response: { 201: Site } } }, async (req, reply) =>
    reply.status(201).send(await createSite(db, admin(req), req.body)),
  );
  app.patch(
    "/api/sites/:id",
    { schema: { tags, params: IdParams, body: SitePatch, response: { 200: Site } } },
    async (req) => updateSite(db, admin(req), req.params.id, req.body),
  );

  app.get(
    "/api/services",
    { schema: { tags, querystring: ServiceQuery, response: { 200: z.array(Service) } } },
    async (req) => {
      principalOf(req);
      return listServices(db, req.query);
    },
  );
  app.post(
    "/api/services",
    { schema: { tags, body: ServiceBody, response: { 201: Service } } },
    async (req, reply) => reply.status(201).send(await createService(db, admin(req), req.body)),
  );
  app.patch(
    "/api/services/:id",
    { schema: { tags, params: IdParams, body: ServicePatch, response: { 200: Service } } },
    async (req) => updateService(db, admin(req), req.params.id, req.body),
  );
}
