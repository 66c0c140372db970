import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
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
import type {
  AreaBody,
  AreaPatch,
  RegionBody,
  RegionPatch,
  ServiceBody,
  ServicePatch,
  SiteBody,
  SitePatch,
} from "./schemas.ts";

/**
 * Changes to the implementation structure (regions → areas → sites → services), each audited in
 * its own transaction with the row before and after. References are checked inside it: an area
 * in its region, a site's area in the site's region, a service at an existing site.
 */

type Body<T extends z.ZodType> = z.infer<T>;

async function areaOfRegion(db: Db, areaId: number, regionId: number) {
  const area = await findArea(db, areaId);
  if (!area) throw invalid("body.areaId", "reference", "no such area");
  if (area.region_id !== regionId)
    throw invalid("body.areaId", "same_region", "the area belongs to another region");
}

async function requireRegion(db: Db, regionId: number) {
  if (!(await findRegion(db, regionId))) throw invalid("body.regionId", "reference", "no such region");
}

export const createRegion = (db: Db, actor: Actor, body: Body<typeof RegionBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "region" }, async (trx) => {
    const row = await trx.insertInto("regions").values(body).returningAll().executeTakeFirstOrThrow();
    return { result: regionRowToRegion(row), entityId: row.id, before: null, after: row };
  });

export const updateRegion = (db: Db, actor: Actor, id: number, body: Body<typeof RegionPatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "region" }, async (trx) => {
    const before = await findRegion(trx, id);
    if (!before) throw notFound("region");
    const row = await trx
      .updateTable("regions")
      .set(body)
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: regionRowToRegion(row), entityId: row.id, before, after: row };
  });

export const createArea = (db: Db, actor: Actor, body: Body<typeof AreaBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "area" }, async (trx) => {
    await requireRegion(trx, body.regionId);
    const row = await trx
      .insertInto("areas")
      .values({ region_id: body.regionId, code: body.code, name: body.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: areaRowToArea(row), entityId: row.id, before: null, after: row };
  });

export const updateArea = (db: Db, actor: Actor, id: number, body: Body<typeof AreaPatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "area" }, async (trx) => {
    const before = await findArea(trx, id);
    if (!before) throw notFound("area");
    if (body.regionId) await requireRegion(trx, body.regionId);
    const row = await trx
      .updateTable("areas")
      .set({ name: body.name, region_id: body.regionId })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: areaRowToArea(row), entityId: row.id, before, after: row };
  });

export const createSite = (db: Db, actor: Actor, body: Body<typeof SiteBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "site" }, async (trx) => {
    await requireRegion(trx, body.regionId);
    const areaId = body.areaId ?? null;
    if (areaId !== null) await areaOfRegion(trx, areaId, body.regionId);
    const row = await trx
      .insertInto("sites")
      .values({ region_id: body.regionId, area_id: areaId, code: body.code, name: body.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before: null, after: row };
  });

export const updateSite = (db: Db, actor: Actor, id: number, body: Body<typeof SitePatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "site" }, async (trx) => {
    const before = await findSite(trx, id);
    if (!before) throw notFound("site");
    if (body.areaId) await areaOfRegion(trx, body.areaId, before.region_id);
    const row = await trx
      .updateTable("sites")
      .set({ name: body.name, area_id: body.areaId })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before, after: row };
  });

export const createService = (db: Db, actor: Actor, body: Body<typeof ServiceBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "service" }, async (trx) => {
    if (!(await findSite(trx, body.siteId))) throw invalid("body.siteId", "reference", "no such site");
    const row = await trx
      .insertInto("services")
      .values({ site_id: body.siteId, code: body.code, name: body.name, kind: body.kind })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: serviceRowToService(row),
      entityId: row.id,
      siteId: row.site_id,
      before: null,
      after: row,
    };
  });

export const updateService = (db: Db, actor: Actor, id: number, body: Body<typeof ServicePatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "service" }, async (trx) => {
    const before = await findService(trx, id);
    if (!before) throw notFound("service");
    const row = await trx
      .updateTable("services")
      .set({ name: body.name, kind: body.kind })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: serviceRowToService(row), entityId: row.id, siteId: row.site_id, before, after: row };
  });
