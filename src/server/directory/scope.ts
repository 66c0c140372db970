import type { FastifyRequest } from "fastify";
import { isAdmin } from "../core/access/roles.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { AppError, notFound } from "../infra/http/errors.ts";
import { canReadDirectory, canWriteDirectory, type GrantRegions, readableRegions } from "./access.ts";
import type { DirectoryRegion } from "./schemas.ts";

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

/**
 * The principal, once the region exists (404) and the principal may read (or, with `write`,
 * change) its directory (403).
 */
export async function resolveRegion(
  db: Executor,
  req: FastifyRequest,
  regionId: number,
  mode: "read" | "write",
): Promise<Principal> {
  const p = principalOf(req);
  const region = await db.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst();
  if (!region) throw notFound("region");
  const g = await grantRegions(db, p);
  const allowed = mode === "read" ? canReadDirectory(p, regionId, g) : canWriteDirectory(p, regionId, g);
  if (!allowed)
    throw new AppError(
      "forbidden",
      mode === "read"
        ? "only users of this region may read its directory of services"
        : "only administrators and the region's regional coordinators may change its directory of services",
      [],
      {},
      "not_permitted",
    );
  return p;
}

/** The regions whose directory the principal reads, by name, with what they may do there. */
export async function directoryRegions(db: Executor, p: Principal): Promise<DirectoryRegion[]> {
  const g = await grantRegions(db, p);
  const readable = readableRegions(p, g);
  if (readable !== "all" && readable.size === 0) return [];
  let q = db
    .selectFrom("regions as r")
    .leftJoin("directory_settings as s", "s.region_id", "r.id")
    .select(["r.id", "r.code", "r.name", "s.public_enabled"]);
  if (readable !== "all") q = q.where("r.id", "in", [...readable]);
  const rows = await q.orderBy("r.name").execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    canWrite: canWriteDirectory(p, r.id, g),
    canSwitchPublic: isAdmin(p),
    publicEnabled: r.public_enabled ?? false,
  }));
}
