import type { FastifyRequest } from "fastify";
import { isAdmin } from "../core/access/roles.ts";
import { readableRegionsOf, resolveRegionAccess } from "../core/region-scope.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { canReadDirectory, canWriteDirectory, WHY } from "./access.ts";
import type { DirectoryRegion } from "./schemas.ts";

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
  const allowed = mode === "read" ? canReadDirectory : canWriteDirectory;
  return (await resolveRegionAccess(db, req, regionId, allowed, WHY[mode])).principal;
}

/** The regions whose directory the principal reads, by name, with what they may do there. */
export async function directoryRegions(db: Executor, p: Principal): Promise<DirectoryRegion[]> {
  const { grants: g, readable } = await readableRegionsOf(db, p);
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
