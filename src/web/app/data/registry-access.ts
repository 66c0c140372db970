import type { Me } from "../types.ts";

type MeSite = Me["sites"][number];

/**
 * Who may use the care-delivery registry where, as the server decides it (server/core/access/patients.ts):
 * administrators everywhere, regional coordinators at their programmes' sites, site coordinators
 * and clinicians at their own sites; viewers never see patient-level data. The server refuses
 * anything else anyway: this only decides which links and buttons to offer.
 */
export function registrySites(me: Me): MeSite[] {
  if (me.isAdmin) return me.sites;
  const own = new Set(
    me.grants
      .filter((g) => (g.role === "site_coordinator" || g.role === "clinician") && g.siteId !== null)
      .map((g) => g.siteId),
  );
  const coordinator = me.grants.some((g) => g.role === "regional_coordinator");
  const viewerOnly = new Set(
    me.grants.filter((g) => g.role === "viewer" && g.siteId !== null).map((g) => g.siteId),
  );
  return me.sites.filter((s) => own.has(s.id) || (coordinator && !viewerOnly.has(s.id)));
}

/** Whether the user may use the registry anywhere: every role but a viewer's (who sees aggregates only). */
export const canUseRegistry = (me: Me): boolean =>
  me.isAdmin ||
  me.grants.some(
    (g) => g.role === "regional_coordinator" || g.role === "site_coordinator" || g.role === "clinician",
  );

export const canUseRegistryAt = (me: Me, siteId: number): boolean =>
  registrySites(me).some((s) => s.id === siteId);

/** Imports from the web app: administrators and regional coordinators. */
export const canImport = (me: Me): boolean =>
  me.isAdmin || me.grants.some((g) => g.role === "regional_coordinator");
