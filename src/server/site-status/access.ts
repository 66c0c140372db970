import type { ProgrammeScope } from "../core/access/planning.ts";
import { canReadProgramme, coordinatedProgrammes, isAdmin, memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";

/**
 * Who may see and change a programme site's implementation status, as pure functions:
 * - read: whoever reads the programme (status is about the site, never about a patient);
 * - change: administrators; regional coordinators of the programme's region (`coordinatorRegions`:
 *   the regions of the programmes they coordinate); the site's own coordinator — who leads its
 *   implementation team — for their site only. Clinicians and viewers never.
 */
export const canReadSiteStatus = (p: Principal, programme: ProgrammeScope) => canReadProgramme(p, programme);

export function canChangeSiteStatus(
  p: Principal,
  programme: ProgrammeScope,
  siteId: number,
  coordinatorRegions: readonly number[],
): boolean {
  if (isAdmin(p)) return true;
  if (coordinatedProgrammes(p).length > 0 && coordinatorRegions.includes(programme.regionId)) return true;
  return programme.siteIds.includes(siteId) && memberSites(p, "site_coordinator").includes(siteId);
}

/** The regional funnel counts sites outside the programme: administrators and the region's coordinators. */
export function canReadRegionFunnel(
  p: Principal,
  programme: ProgrammeScope,
  coordinatorRegions: readonly number[],
): boolean {
  return (
    isAdmin(p) || (coordinatedProgrammes(p).length > 0 && coordinatorRegions.includes(programme.regionId))
  );
}

export const WHY = {
  read: "you may see the sites' status only of a programme you take part in",
  change:
    "only an administrator, a regional coordinator of the programme's region or the coordinator of this site may change its status",
  funnel:
    "only an administrator or a regional coordinator of the programme's region may see the region's funnel",
} as const;
