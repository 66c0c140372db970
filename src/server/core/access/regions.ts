import type { Principal } from "../../infra/auth/principal.ts";
import { isAdmin } from "./roles.ts";

/**
 * Region-scoped access (the directory of services, protocols): pure rules on the principal and
 * the regions of the sites and programmes of its grants (`core/region-scope.ts` loads those).
 * - read: administrators and global viewers (every region); anyone else in the regions of their
 *   grants' sites and programmes;
 * - coordinate (change what belongs to a region): administrators (every region) and regional
 *   coordinators in the regions of the programmes they coordinate.
 */
export interface GrantRegions {
  /** region of each site of the principal's grants */
  siteRegion: ReadonlyMap<number, number>;
  /** region of each programme of the principal's grants */
  programmeRegion: ReadonlyMap<number, number>;
}

/** The regions the principal reads: "all", or those of their grants' sites and programmes. */
export function readableRegions(p: Principal, g: GrantRegions): "all" | Set<number> {
  if (isAdmin(p)) return "all";
  if (p.grants.some((x) => x.role === "viewer" && x.programmeId === null)) return "all";
  const regions = new Set<number>();
  for (const grant of p.grants) {
    const bySite = grant.siteId !== null ? g.siteRegion.get(grant.siteId) : undefined;
    const byProgramme = grant.programmeId !== null ? g.programmeRegion.get(grant.programmeId) : undefined;
    if (bySite !== undefined) regions.add(bySite);
    if (byProgramme !== undefined) regions.add(byProgramme);
  }
  return regions;
}

export function canReadRegion(p: Principal, regionId: number, g: GrantRegions): boolean {
  const regions = readableRegions(p, g);
  return regions === "all" || regions.has(regionId);
}

/** Administrators, and regional coordinators of a programme of the region. */
export function coordinatesRegion(p: Principal, regionId: number, g: GrantRegions): boolean {
  if (isAdmin(p)) return true;
  return p.grants.some(
    (x) =>
      x.role === "regional_coordinator" &&
      x.programmeId !== null &&
      g.programmeRegion.get(x.programmeId) === regionId,
  );
}
