import { coordinatedProgrammes, isAdmin, memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";

/** What one user may analyse in one programme. */
export type AnalysisScope =
  | { allowed: false }
  | {
      allowed: true;
      /** The sites whose patients are analysed; null: every site of the programme. */
      siteIds: number[] | null;
      /** Viewers: small cells suppressed (suppress-rows.ts). */
      suppressSmallCells: boolean;
    };

/**
 * Who analyses what (aggregates only, never patient rows), as a pure function of the principal:
 *
 * - administrators and the programme's regional coordinators: every patient of the programme;
 * - site coordinators and clinicians of the programme's sites: the patients of their own sites
 *   (`readableSites` lets them read those patients' records, so figures over them reveal nothing
 *   new), every count shown;
 * - viewers (of this programme or of all): every patient, small cells suppressed as the
 *   indicators suppress them for viewers;
 * - anyone else: refused (403 `not_your_programme`).
 */
export function analysisScope(
  p: Principal,
  programme: { id: number; siteIds: readonly number[] },
): AnalysisScope {
  if (isAdmin(p) || coordinatedProgrammes(p).includes(programme.id))
    return { allowed: true, siteIds: null, suppressSmallCells: false };
  const own = [...new Set(memberSites(p))].filter((s) => programme.siteIds.includes(s)).sort((a, b) => a - b);
  if (own.length > 0) return { allowed: true, siteIds: own, suppressSmallCells: false };
  if (p.grants.some((g) => g.role === "viewer" && (g.programmeId === null || g.programmeId === programme.id)))
    return { allowed: true, siteIds: null, suppressSmallCells: true };
  return { allowed: false };
}
