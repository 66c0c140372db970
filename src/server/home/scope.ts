import { coordinatedProgrammes, hasRole, isAdmin, memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Audience } from "./schemas.ts";

/**
 * What the home page gathers for a user, as a pure function of the principal (the server decides;
 * the web app only lays it out):
 *
 * - `programmes`: programmes whose region-level and site-level planning the user oversees — every
 *   programme for an administrator ("all"), the coordinated ones for a regional coordinator;
 * - `staffSites`: sites where the user works (site coordinator, clinician): their worklists and
 *   their site plans;
 * - `qualitySites`: sites whose data-quality counts the user sees — the sites whose operational
 *   data they may read (core/access/roles.ts `readableSites`): all, their programmes' sites, their
 *   own sites; none for a viewer;
 * - `aggregatesOnly`: a viewer and nothing else — programme-level figures, never a patient.
 */
export interface HomeScope {
  audiences: Audience[];
  programmes: "all" | number[];
  staffSites: number[];
  qualitySites: "all" | number[];
  aggregatesOnly: boolean;
}

export function homeScope(p: Principal): HomeScope {
  const admin = isAdmin(p);
  const coordinated = coordinatedProgrammes(p);
  const staffSites = [...new Set(memberSites(p))].sort((a, b) => a - b);
  const audiences: Audience[] = [];
  if (admin) audiences.push("administrator");
  if (coordinated.length) audiences.push("regional_coordinator");
  if (staffSites.length) audiences.push("site_staff");
  if (hasRole(p, "viewer")) audiences.push("viewer");
  const qualitySites = admin
    ? "all"
    : [...new Set([...p.coordinatedSiteIds, ...staffSites])].sort((a, b) => a - b);
  return {
    audiences,
    programmes: admin ? "all" : [...new Set(coordinated)].sort((a, b) => a - b),
    staffSites,
    qualitySites,
    aggregatesOnly: audiences.length === 1 && audiences[0] === "viewer",
  };
}

/** Whether a user may read patient-level data anywhere (everyone but a viewer-only user). */
export const seesPatients = (s: HomeScope) => !s.aggregatesOnly && s.audiences.length > 0;
