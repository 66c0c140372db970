import type { Me } from "../../app/types.ts";

/**
 * What the planning pages offer to whom, mirroring the server's rules (server/core/access/planning.ts).
 * The server refuses anything else anyway; this only decides which links and views to show.
 * Whether an artefact may be edited comes from the server with the artefact itself (`canEdit`).
 */
const coordinates = (me: Me, programmeId: number) =>
  me.grants.some((g) => g.role === "regional_coordinator" && g.programmeId === programmeId);

/** Administrators and the programme's regional coordinators: every site, side by side. */
export const seesAcrossSites = (me: Me, programmeId: number): boolean =>
  me.isAdmin || coordinates(me, programmeId);

/** Programme-level definitions (SANA template, SWOT tags, questionnaires, templates). */
export const editsDefinitions = seesAcrossSites;

/** The sites whose artefacts I may read: all of them across sites, otherwise the ones I work at. */
export function readableSites<S extends { siteId: number }>(me: Me, programmeId: number, sites: S[]): S[] {
  if (seesAcrossSites(me, programmeId)) return sites;
  const mine = new Set(
    me.grants
      .filter((g) => (g.role === "site_coordinator" || g.role === "clinician") && g.siteId !== null)
      .map((g) => g.siteId),
  );
  return sites.filter((s) => mine.has(s.siteId));
}
