import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import { requireAdmin } from "../infra/auth/guards.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import {
  areaRowToArea,
  findArea,
  findRegion,
  findService,
  findSite,
  regionRowToRegion,
  serviceRowToService,
  siteRowToSite,
} from "./repository.ts";
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

/**
 * Implementation structure: regions → areas → sites → services. Reference data that every
 * signed-in user may read (viewers need the site names for aggregates); only administrators
 * change it.
 */
export function registerStructureRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["structure"];

  // Regions
  app.get("/api/regions", { schema: { tags, response: { 200: z.array(Region) } } }, async (req) => {
    principalOf(req);
    return (await db.selectFrom("regions").selectAll().orderBy("code").execute()).map(regionRowToRegion);
  });
  app.post(
    "/api/regions",
    { schema: { tags, body: RegionBody, response: { 201: Region } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      const region = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "region" },
        async (trx) => {
          const row = await trx
            .insertInto("regions")
            .values(req.body)
            .returningAll()
            .executeTakeFirstOrThrow();
          return { result: regionRowToRegion(row), entityId: row.id, before: null, after: row };
        },
      );
      return reply.status(201).send(region);
    },
  );
  app.patch(
    "/api/regions/:id",
    { schema: { tags, params: IdParams, body: RegionPatch, response: { 200: Region } } },
    async (req) => {
      const p = requireAdmin(req);
      return auditedWrite(db, actorOf(p), { action: "update", entity: "region" }, async (trx) => {
        const before = await findRegion(trx, req.params.id);
        if (!before) throw notFound("region");
        const row = await trx
          .updateTable("regions")
          .set(req.body)
          .where("id", "=", before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { result: regionRowToRegion(row), entityId: row.id, before, after: row };
      });
    },
  );

  // Areas
  app.get(
    "/api/areas",
    { schema: { tags, querystring: AreaQuery, response: { 200: z.array(Area) } } },
    async (req) => {
      principalOf(req);
      let q = db.selectFrom("areas").selectAll().orderBy("code");
      if (req.query.regionId) q = q.where("region_id", "=", req.query.regionId);
      return (await q.execute()).map(areaRowToArea);
    },
  );
  app.post(
    "/api/areas",
    { schema: { tags, body: AreaBody, response: { 201: Area } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      const area = await auditedWrite(db, actorOf(p), { action: "create", entity: "area" }, async (trx) => {
        if (!(await findRegion(trx, req.body.regionId)))
          throw invalid("body.regionId", "reference", "no such region");
        const row = await trx
          .insertInto("areas")
          .values({ region_id: req.body.regionId, code: req.body.code, name: req.body.name })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { result: areaRowToArea(row), entityId: row.id, before: null, after: row };
      });
      return reply.status(201).send(area);
    },
  );
  app.patch(
    "/api/areas/:id",
    { schema: { tags, params: IdParams, body: AreaPatch, response: { 200: Area } } },
    async (req) => {
      const p = requireAdmin(req);
      return auditedWrite(db, actorOf(p), { action: "update", entity: "area" }, async (trx) => {
        const before = await findArea(trx, req.params.id);
        if (!before) throw notFound("area");
        if (req.body.regionId && !(await findRegion(trx, req.body.regionId)))
          throw invalid("body.regionId", "reference", "no such region");
        const row = await trx
          .updateTable("areas")
          .set({ name: req.body.name, region_id: req.body.regionId })
          .where("id", "=", before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { result: areaRowToArea(row), entityId: row.id, before, after: row };
      });
    },
  );

  // Sites
  app.get(
    "/api/sites",
    { schema: { tags, querystring: SiteQuery, response: { 200: z.array(Site) } } },
    async (req) => {
      principalOf(req);
      let q = db.selectFrom("sites").selectAll().orderBy("code");
      if (req.query.areaId) q = q.where("area_id", "=", req.query.areaId);
      if (req.query.regionId) q = q.where("region_id", "=", req.query.regionId);
      return (await q.execute()).map(siteRowToSite);
    },
  );
  app.get(
    "/api/sites/:id",
    { schema: { tags, params: IdParams, response: { 200: SiteDetail } } },
    async (req) => {
      principalOf(req);
      const site = await findSite(db, req.params.id);
      if (!site) throw notFound("site");
      const [services, programmes] = await Promise.all([
        db.selectFrom("services").selectAll().where("site_id", "=", site.id).orderBy("code").execute(),
        db
          .selectFrom("programme_sites as ps")
          .innerJoin("programmes as p", "p.id", "ps.programme_id")
          .select(["p.id", "p.code", "p.name"])
          .where("ps.site_id", "=", site.id)
          .orderBy("p.code")
          .execute(),
      ]);
      return { ...siteRowToSite(site), services: services.map(serviceRowToService), programmes };
    },
  );
  app.post(
    "/api/sites",
    { schema: { tags, body: SiteBody, response: { 201: Site } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      const site = await auditedWrite(db, actorOf(p), { action: "create", entity: "site" }, async (trx) => {
        if (!(await findRegion(trx, req.body.regionId)))
          throw invalid("body.regionId", "reference", "no such region");
        const areaId = req.body.areaId ?? null;
        if (areaId !== null) {
          const area = await findArea(trx, areaId);
          if (!area) throw invalid("body.areaId", "reference", "no such area");
          if (area.region_id !== req.body.regionId)
            throw invalid("body.areaId", "same_region", "the area belongs to another region");
        }
        const row = await trx
          .insertInto("sites")
          .values({ region_id: req.body.regionId, area_id: areaId, code: req.body.code, name: req.body.name })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before: null, after: row };
      });
      return reply.status(201).send(site);
    },
  );
  app.patch(
    "/api/sites/:id",
    { schema: { tags, params: IdParams, body: SitePatch, response: { 200: Site } } },
    async (req) => {
      const p = requireAdmin(req);
      return auditedWrite(db, actorOf(p), { action: "update", entity: "site" }, async (trx) => {
        const before = await findSite(trx, req.params.id);
        if (!before) throw notFound("site");
        if (req.body.areaId) {
          const area = await findArea(trx, req.body.areaId);
          if (!area) throw invalid("body.areaId", "reference", "no such area");
          if (area.region_id !== before.region_id)
            throw invalid("body.areaId", "same_region", "the area belongs to another region");
        }
        const row = await trx
          .updateTable("sites")
          .set({ name: req.body.name, area_id: req.body.areaId })
          .where("id", "=", before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before, after: row };
      });
    },
  );

  // Services
  app.get(
    "/api/services",
    { schema: { tags, querystring: ServiceQuery, response: { 200: z.array(Service) } } },
    async (req) => {
      principalOf(req);
      let q = db.selectFrom("services").selectAll().orderBy("code");
      if (req.query.siteId) q = q.where("site_id", "=", req.query.siteId);
      return (await q.execute()).map(serviceRowToService);
    },
  );
  app.post(
    "/api/services",
    { schema: { tags, body: ServiceBody, response: { 201: Service } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      const service = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "service" },
        async (trx) => {
          if (!(await findSite(trx, req.body.siteId)))
            throw invalid("body.siteId", "reference", "no such site");
          const row = await trx
            .insertInto("services")
            .values({
              site_id: req.body.siteId,
              code: req.body.code,
              name: req.body.name,
              kind: req.body.kind,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return {
            result: serviceRowToService(row),
            entityId: row.id,
            siteId: row.site_id,
            before: null,
            after: row,
          };
        },
      );
      return reply.status(201).send(service);
    },
  );
  app.patch(
    "/api/services/:id",
    { schema: { tags, params: IdParams, body: ServicePatch, response: { 200: Service } } },
    async (req) => {
      const p = requireAdmin(req);
      return auditedWrite(db, actorOf(p), { action: "update", entity: "service" }, async (trx) => {
        const before = await findService(trx, req.params.id);
        if (!before) throw notFound("service");
        const row = await trx
          .updateTable("services")
          .set({ name: req.body.name, kind: req.body.kind })
          .where("id", "=", before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return {
          result: serviceRowToService(row),
          entityId: row.id,
          siteId: row.site_id,
          before,
          after: row,
        };
      });
    },
  );
}
