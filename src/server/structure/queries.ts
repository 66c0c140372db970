import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import {
  areaRowToArea,
  findSite,
  regionRowToRegion,
  serviceRowToService,
  siteRowToSite,
} from "./repository.ts";

/** Reads of the implementation structure, in code order, optionally narrowed by their parent. */
export const listRegions = async (db: Db) =>
  (await db.selectFrom("regions").selectAll().orderBy("code").execute()).map(regionRowToRegion);

export async function listAreas(db: Db, filter: { regionId?: number }) {
  let q = db.selectFrom("areas").selectAll().orderBy("code");
  if (filter.regionId) q = q.where("region_id", "=", filter.regionId);
  return (await q.execute()).map(areaRowToArea);
}

export async function listSites(db: Db, filter: { areaId?: number; regionId?: number }) {
  let q = db.selectFrom("sites").selectAll().orderBy("code");
  if (filter.areaId) q = q.where("area_id", "=", filter.areaId);
  if (filter.regionId) q = q.where("region_id", "=", filter.regionId);
  return (await q.execute()).map(siteRowToSite);
}

export async function listServices(db: Db, filter: { siteId?: number }) {
  let q = db.selectFrom("services").selectAll().orderBy("code");
  if (filter.siteId) q = q.where("site_id", "=", filter.siteId);
  return (await q.execute()).map(serviceRowToService);
}

/** A site with its services and the programmes it takes part in. */
export async function siteDetail(db: Db, id: number) {
  const site = await findSite(db, id);
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
}
