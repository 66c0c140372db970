import type { FastifyRequest } from "fastify";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";
import { canEditProtocols, canReadProtocols, type GrantRegions, WHY } from "./access.ts";

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

export interface ProtocolAccess {
  principal: Principal;
  grants: GrantRegions;
  canEdit: boolean;
}

/** The principal once the region exists (404) and they may read (or, with `edit`, change) its protocols (403). */
export async function resolveRegion(
  db: Executor,
  req: FastifyRequest,
  regionId: number,
  mode: "read" | "edit",
): Promise<ProtocolAccess> {
  const principal = principalOf(req);
  const region = await db.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst();
  if (!region) throw notFound("region");
  const grants = await grantRegions(db, principal);
  const canEdit = canEditProtocols(principal, regionId, grants);
  if (mode === "edit" ? !canEdit : !canReadProtocols(principal, regionId, grants))
    throw forbidden(mode === "edit" ? WHY.edit : WHY.read);
  return { principal, grants, canEdit };
}

/** The protocol's region and language once it exists (404) and the principal may read or change it (403). */
export async function resolveProtocol(
  db: Executor,
  req: FastifyRequest,
  protocolId: number,
  mode: "read" | "edit",
): Promise<
  ProtocolAccess & { protocol: { id: number; regionId: number; language: "en" | "it"; version: number } }
> {
  const row = await db
    .selectFrom("protocols")
    .select(["id", "region_id", "language", "current_version"])
    .where("id", "=", protocolId)
    .executeTakeFirst();
  if (!row) throw notFound("protocol");
  const access = await resolveRegion(db, req, row.region_id, mode);
  return {
    ...access,
    protocol: {
      id: row.id,
      regionId: row.region_id,
      language: row.language as "en" | "it",
      version: row.current_version,
    },
  };
}
