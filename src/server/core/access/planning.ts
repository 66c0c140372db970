import type { Principal } from "../../infra/auth/principal.ts";
import { coordinatedProgrammes, isAdmin, memberSites } from "./roles.ts";

/**
 * Who may read and change planning artefacts, as pure functions of the principal. An artefact
 * belongs to a programme and either its region level (`siteId` null) or one of its sites.
 *
 * - administrators: everything;
 * - regional coordinators of the programme: read everything of the programme, change the
 *   region's artefacts and the programme's definitions (SANA template, SWOT tags, questionnaires),
 *   and seed site plans by copying the regional plan;
 * - site coordinators: change their own site's artefacts, read the region's;
 * - clinicians: read their own site's artefacts and the region's;
 * - viewers (of this programme or of every programme): read the region's artefacts only.
 */
export interface ProgrammeScope {
  id: number;
  code: string;
  regionId: number;
  siteIds: number[];
}

const coordinates = (p: Principal, programmeId: number) => coordinatedProgrammes(p).includes(programmeId);

const viewerOf = (p: Principal, programmeId: number) =>
  p.grants.some((g) => g.role === "viewer" && (g.programmeId === null || g.programmeId === programmeId));

/** Site roles of this user at sites of the programme. */
const memberOfProgramme = (p: Principal, programme: ProgrammeScope) =>
  memberSites(p).some((s) => programme.siteIds.includes(s));

export function canReadPlanning(p: Principal, programme: ProgrammeScope, siteId: number | null): boolean {
  if (isAdmin(p) || coordinates(p, programme.id)) return true;
  if (siteId === null) return viewerOf(p, programme.id) || memberOfProgramme(p, programme);
  return memberSites(p).includes(siteId);
}

export function canEditPlanning(p: Principal, programme: ProgrammeScope, siteId: number | null): boolean {
  if (isAdmin(p)) return true;
  if (siteId === null) return coordinates(p, programme.id);
  return memberSites(p, "site_coordinator").includes(siteId);
}

/**
 * Starting a site's artefact from the region's version, or taking the region's newer version
 * over the site's own: whoever may edit the site's artefact; and the programme's regional
 * coordinators for a site that has no version yet (seeding, as when they copy the regional plan).
 */
export function canStartFromRegion(
  p: Principal,
  programme: ProgrammeScope,
  siteId: number,
  siteHasVersion: boolean,
): boolean {
  return canEditPlanning(p, programme, siteId) || (!siteHasVersion && coordinates(p, programme.id));
}

/** Programme-level definitions (SANA template, SWOT tags, questionnaires, templates, rounds). */
export function canEditDefinitions(p: Principal, programme: ProgrammeScope): boolean {
  return isAdmin(p) || coordinates(p, programme.id);
}

/** Views across the sites of a programme (common factors, comparisons, progress, compliance). */
export function canReadAcrossSites(p: Principal, programme: ProgrammeScope): boolean {
  return isAdmin(p) || coordinates(p, programme.id);
}

/**
 * The links of the planning chain (issue 13, part 7), at the region or a site: the programme's
 * coordinators (and administrators) edit them; whoever reads the scope's artefacts reads them.
 */
export function canEditChain(p: Principal, programme: ProgrammeScope): boolean {
  return isAdmin(p) || coordinates(p, programme.id);
}

/**
 * The sites whose RECO mapping results a user sees (issue 13, part 6): every site of the
 * programme for its coordinators and administrators, their own sites of it for site teams,
 * none for anyone else.
 */
export function recoVisibleSites(p: Principal, programme: ProgrammeScope): number[] {
  if (canReadAcrossSites(p, programme)) return programme.siteIds;
  return memberSites(p).filter((s) => programme.siteIds.includes(s));
}

export const WHY = {
  read: "you may read the region's planning artefacts of a programme you take part in, and a site's only if you work at that site or coordinate the programme",
  editRegion:
    "only an administrator or a regional coordinator of this programme may change the region's artefacts",
  editSite: "only an administrator or the coordinator of this site may change the site's artefacts",
  startFromRegion:
    "only an administrator, the coordinator of this site or a regional coordinator of this programme may start the site's artefact from the region's",
  replaceSite:
    "the site's team has its own version: only an administrator or the coordinator of this site may replace it with the region's",
  definitions:
    "only an administrator or a regional coordinator of this programme may change its planning definitions",
  editChain:
    "only an administrator or a regional coordinator of this programme may change the links of its chain",
  reco: "only an administrator, a regional coordinator of this programme or the team of one of its sites may see the RECO mapping",
  acrossSites:
    "only an administrator or a regional coordinator of this programme may see every site side by side",
} as const;
