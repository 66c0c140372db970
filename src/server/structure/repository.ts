import type { Selectable } from "kysely";
import type { Db } from "../infra/db/database.ts";
import type { AreaTable, RegionTable, ServiceTable, SiteTable } from "../infra/db/schema.ts";

/** Row → API mappers: the only place that knows both shapes. */
export const regionRowToRegion = (r: Selectable<RegionTable>) => ({ id: r.id, code: r.code, name: r.name });
export const areaRowToArea = (r: Selectable<AreaTable>) => ({
  id: r.id,
  regionId: r.region_id,
  code: r.code,
  name: r.name,
});
export const siteRowToSite = (r: Selectable<SiteTable>) => ({
  id: r.id,
  regionId: r.region_id,
  areaId: r.area_id,
  code: r.code,
  name: r.name,
});
export const serviceRowToService = (r: Selectable<ServiceTable>) => ({
  id: r.id,
  siteId: r.site_id,
  code: r.code,
  name: r.name,
  kind: r.kind as "community_centre",
});

export const findRegion = (db: Db, id: number) =>
  db.selectFrom("regions").selectAll().where("id", "=", id).executeTakeFirst();
export const findArea = (db: Db, id: number) =>
  db.selectFrom("areas").selectAll().where("id", "=", id).executeTakeFirst();
export const findSite = (db: Db, id: number) =>
  db.selectFrom("sites").selectAll().where("id", "=", id).executeTakeFirst();
export const findService = (db: Db, id: number) =>
  db.selectFrom("services").selectAll().where("id", "=", id).executeTakeFirst();
