import { canReadRegion, coordinatesRegion, type GrantRegions } from "../core/access/regions.ts";
import { memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";

/**
 * Who may use a region's protocols — the region-scoped rules of `core/access/regions.ts`, and the
 * self-assessment of a site:
 * - read and search: administrators and global viewers (every region); anyone else in the
 *   regions of their grants' sites and programmes — site teams read their region's protocols;
 * - create, change, upload tools: administrators and the regional coordinators of the region
 *   (the regions of the programmes they coordinate);
 * - a site's self-assessment: administrators, the region's coordinators, and the site's own team
 *   (site coordinator or clinician) for that site only; read by the same people.
 */
export const canReadProtocols = canReadRegion;
export const canEditProtocols = coordinatesRegion;

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
