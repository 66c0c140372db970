import type { FastifyRequest } from "fastify";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";
import { type GrantRegions, readableRegions } from "./access/regions.ts";

/** The regions of the sites and programmes of the principal's grants: two queries, whatever the number of grants. */
export async function grantRegions(db: Executor, p: Principal): Promise<GrantRegions> {
  const siteIds = p.grants.flatMap((g) => (g.siteId !== null ? [g.siteId] : []));
  const programmeIds = p.grants.flatMap((g) => (g.programmeId !== null ? [g.programmeId] : []));
  const [sites, programmes] = await Promise.all([
    siteIds.length
      ? db.selectFrom("sites").select(["id", "region_id"]).where("id", "in", siteIds).execute()
      : [],
    programmeIds.length
      ? db.selectFrom("programmes").select(["id", "region_id"]).where("id", "in", programmeIds).execute()
      : [],
  ]);
  return {
    siteRegion: new Map(sites.map((s) => [s.id, s.region_id])),
    programmeRegion: new Map(programmes.map((s) => [s.id, s.region_id])),
  };
}

/** The regions the principal reads, with the regions of their grants (for further rules per region). */
export async function readableRegionsOf(
  db: Executor,
  p: Principal,
): Promise<{ grants: GrantRegions; readable: "all" | Set<number> }> {
  const grants = await grantRegions(db, p);
  return { grants, readable: readableRegions(p, grants) };
}

/**
 * The principal of the request and the regions of their grants, once the region exists (404)
 * and `allowed` lets the principal in there (403 with `why`).
 */
export async function resolveRegionAccess(
  db: Executor,
  req: FastifyRequest,
  regionId: number,
  allowed: (p: Principal, regionId: number, g: GrantRegions) => boolean,
  why: string,
): Promise<{ principal: Principal; grants: GrantRegions }> {
  const principal = principalOf(req);
  const region = await db.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst();
  if (!region) throw notFound("region");
  const grants = await grantRegions(db, principal);
  if (!allowed(principal, regionId, grants)) throw forbidden(why);
  return { principal, grants };
}
