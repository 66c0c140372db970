import type { FastifyRequest } from "fastify";
import type { GrantRegions } from "../core/access/regions.ts";
import { resolveRegionAccess } from "../core/region-scope.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import { canEditProtocols, canReadProtocols, WHY } from "./access.ts";

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
  const allowed = mode === "edit" ? canEditProtocols : canReadProtocols;
  const { principal, grants } = await resolveRegionAccess(db, req, regionId, allowed, WHY[mode]);
  const canEdit = canEditProtocols(principal, regionId, grants);
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
