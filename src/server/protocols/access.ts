import { isAdmin, memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";

/**
 * Who may use a region's protocols, as pure functions of the principal and the regions of the
 * sites and programmes of its grants (scope.ts loads those):
 * - read and search: administrators and global viewers (every region); anyone else in the
 *   regions of their grants' sites and programmes — site teams read their region's protocols;
 * - create, change, upload tools: administrators and the regional coordinators of the region
 *   (the regions of the programmes they coordinate);
 * - a site's self-assessment: administrators, the region's coordinators, and the site's own team
 *   (site coordinator or clinician) for that site only; read by the same people.
 */
export interface GrantRegions {
  siteRegion: ReadonlyMap<number, number>;
  programmeRegion: ReadonlyMap<number, number>;
}

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

export function canReadProtocols(p: Principal, regionId: number, g: GrantRegions): boolean {
  const regions = readableRegions(p, g);
  return regions === "all" || regions.has(regionId);
}

export function canEditProtocols(p: Principal, regionId: number, g: GrantRegions): boolean {
  if (isAdmin(p)) return true;
  return p.grants.some(
    (x) =>
      x.role === "regional_coordinator" &&
      x.programmeId !== null &&
      g.programmeRegion.get(x.programmeId) === regionId,
  );
}

/** Read or record the self-assessment of `siteId` (of region `siteRegionId`) against a protocol of region `regionId`. */
export function canAssessSite(
  p: Principal,
  regionId: number,
  siteId: number,
  siteRegionId: number,
  g: GrantRegions,
): boolean {
  if (siteRegionId !== regionId) return false;
  if (canEditProtocols(p, regionId, g)) return true;
  return memberSites(p).includes(siteId);
}

export const WHY = {
  read: "only users of this region may read its protocols",
  edit: "only administrators and the region's regional coordinators may change its protocols",
  assess:
    "only the site's own team, the region's regional coordinators and administrators may see or record its self-assessment",
  link: "only the team of the item's site, the programme's regional coordinators and administrators may link its items to a dimension",
} as const;
