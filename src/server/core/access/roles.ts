import type { Principal, Role } from "../../infra/auth/principal.ts";

/**
 * Access rules as pure functions of a principal. Routes call these; tests exercise them as a
 * table. The server enforces all of them: the web app only hides what these already refuse.
 */

export const isAdmin = (p: Principal) => p.grants.some((g) => g.role === "administrator");

export const hasRole = (p: Principal, ...roles: Role[]) => p.grants.some((g) => roles.includes(g.role));

/** Programmes this user coordinates regionally. */
export const coordinatedProgrammes = (p: Principal) =>
  p.grants.filter((g) => g.role === "regional_coordinator").map((g) => g.programmeId!);

/** Sites where the user holds a site role (site coordinator or clinician). */
export const memberSites = (p: Principal, ...roles: Array<"site_coordinator" | "clinician">) =>
  p.grants
    .filter(
      (g) =>
        (g.role === "site_coordinator" || g.role === "clinician") &&
        (roles.length === 0 || roles.includes(g.role)),
    )
    .map((g) => g.siteId!);

/**
 * Sites whose operational data (team, later patients) the user may read: all for an
 * administrator, the sites of coordinated programmes, and the user's own sites. Viewers: none.
 */
export function readableSites(p: Principal): "all" | Set<number> {
  if (isAdmin(p)) return "all";
  return new Set([...p.coordinatedSiteIds, ...memberSites(p)]);
}

export function canReadSiteData(p: Principal, siteId: number): boolean {
  const sites = readableSites(p);
  return sites === "all" || sites.has(siteId);
}

/** Manage a site's implementation team: administrators, the site's coordinator, its regional coordinators. */
export function canManageSite(p: Principal, siteId: number): boolean {
  return (
    isAdmin(p) || p.coordinatedSiteIds.includes(siteId) || memberSites(p, "site_coordinator").includes(siteId)
  );
}

/** Read a programme: admins, its regional coordinators, users of its sites, and viewers (aggregates). */
export function canReadProgramme(p: Principal, programme: { id: number; siteIds: number[] }): boolean {
  if (isAdmin(p)) return true;
  if (coordinatedProgrammes(p).includes(programme.id)) return true;
  if (p.grants.some((g) => g.role === "viewer" && (g.programmeId === null || g.programmeId === programme.id)))
    return true;
  const mine = memberSites(p);
  return programme.siteIds.some((s) => mine.includes(s));
}

/** Change a programme's phases, sites, parameters: administrators and its regional coordinators. */
export function canEditProgramme(p: Principal, programmeId: number): boolean {
  return isAdmin(p) || coordinatedProgrammes(p).includes(programmeId);
}

/**
 * Create programmes at all: administrators, and regional coordinators (in their regions only:
 * `canCreateProgrammeIn`).
 */
export function canCreateProgrammes(p: Principal): boolean {
  return isAdmin(p) || coordinatedProgrammes(p).length > 0;
}

/**
 * Create a programme in a region: administrators in any region; a regional coordinator in the
 * regions of the programmes they coordinate (`coordinatorRegions`: those programmes' region ids;
 * a programme's sites always lie in its region, so these are also the regions of their sites).
 */
export function canCreateProgrammeIn(
  p: Principal,
  regionId: number,
  coordinatorRegions: readonly number[],
): boolean {
  if (isAdmin(p)) return true;
  return coordinatedProgrammes(p).length > 0 && coordinatorRegions.includes(regionId);
}

/**
 * Reword a programme's report texts, upload a region's area boundaries (issue 12): administrators,
 * and regional coordinators of that region (`coordinatorRegions`, as for `canCreateProgrammeIn`).
 */
export function canShapeRegionReport(
  p: Principal,
  regionId: number,
  coordinatorRegions: readonly number[],
): boolean {
  return canCreateProgrammeIn(p, regionId, coordinatorRegions);
}
