import type { IndicatorParameters } from "./compile.ts";
import { DIRECTIONS, type IndicatorDefinition } from "./definition.ts";
import { resolvedTarget } from "./present.ts";

export type Direction = (typeof DIRECTIONS)[number];
export { DIRECTIONS };

/** A target a coordinator set (indicator_targets, migration 0015): site null = the programme row. */
export interface ExplicitTarget {
  indicatorId: string;
  siteId: number | null;
  value: number;
  direction: Direction;
}

/**
 * Where a row's target comes from:
 * - `site`: set for this site (a target of the indicator at the site, or the site's own
 *   enrolment target for `enrolled`);
 * - `programme`: set for the whole programme;
 * - `definition`: the indicator definition's own target (the catalogue's, or the author's),
 *   parameters resolved — for `enrolled`, the programme's `targetEnrolmentPerSite`;
 * - `sites`: a count's programme row without a target of its own: the sum of its sites' targets.
 */
export type TargetSource = "site" | "programme" | "definition" | "sites";

export interface RowTarget {
  value: number;
  /** null: the definition has a target but says no direction, so it is neither met nor missed. */
  direction: Direction | null;
  source: TargetSource;
}

export interface TargetSite {
  id: number;
  code: string;
  /** The site's own enrolment target in the programme (programme_sites.target_enrolment). */
  targetEnrolment: number | null;
}

export interface ResolvedTargets {
  /** The programme row's target (site null). */
  programme: RowTarget | null;
  /** Each site row's target, by site code; a site without one is absent. */
  sites: Map<string, RowTarget>;
}

/**
 * Whether a value reaches a target in its direction: `higher_is_better` is met at or above the
 * target, `lower_is_better` at or below. null when there is nothing to judge: no value (no data,
 * or withheld from a viewer), no target, or a target without a direction.
 */
export function targetMet(
  value: number | null,
  target: Pick<RowTarget, "value" | "direction"> | null,
): boolean | null {
  if (value === null || target === null || target.direction === null) return null;
  return target.direction === "higher_is_better" ? value >= target.value : value <= target.value;
}

/** The definition's target reads the per-site enrolment parameter (so a site's own target wins). */
const perSiteEnrolment = (d: IndicatorDefinition) =>
  d.target !== null && typeof d.target === "object" && d.target.param === "targetEnrolmentPerSite";

/**
 * One indicator's targets for the programme row and each site row.
 *
 * Site rows, first that exists:
 *   1. a target set for that site;
 *   2. for the definition's per-site enrolment target (`enrolled`): the site's own
 *      `targetEnrolment`;
 *   3. ratios and medians: a target set for the programme — a rate or a level applies to every
 *      site as well as to the whole;
 *   4. the definition's own target (counts: it is a per-site target, as `enrolled`'s is).
 * The programme row, first that exists:
 *   1. a target set for the programme;
 *   2. ratios and medians: the definition's own target;
 *   3. counts: the sum of the site rows' targets, when every site has one and they share a
 *      direction — a count's programme row is the sum of its sites, so is its target (the per-site
 *      target is never compared with the programme total).
 * A count's programme-wide target never reaches the site rows: 300 patients for the programme is
 * not 300 at each site.
 */
export function resolveTargets(
  d: IndicatorDefinition,
  parameters: IndicatorParameters,
  sites: readonly TargetSite[],
  explicit: readonly ExplicitTarget[],
): ResolvedTargets {
  const own = explicit.filter((t) => t.indicatorId === d.id);
  const programmeSet = own.find((t) => t.siteId === null);
  const bySite = new Map(own.filter((t) => t.siteId !== null).map((t) => [t.siteId!, t]));
  const defined = resolvedTarget(d, parameters);
  const fromDefinition = (value: number | null): RowTarget | null =>
    value === null ? null : { value, direction: d.direction, source: "definition" };
  const count = d.kind === "count";

  const siteTargets = new Map<string, RowTarget>();
  for (const s of sites) {
    const set = bySite.get(s.id);
    let row: RowTarget | null = null;
    if (set) row = { value: set.value, direction: set.direction, source: "site" };
    else if (perSiteEnrolment(d) && s.targetEnrolment !== null)
      row = { value: s.targetEnrolment, direction: d.direction, source: "site" };
    else if (!count && programmeSet)
      row = { value: programmeSet.value, direction: programmeSet.direction, source: "programme" };
    else row = fromDefinition(defined);
    if (row) siteTargets.set(s.code, row);
  }

  let programme: RowTarget | null = null;
  if (programmeSet)
    programme = { value: programmeSet.value, direction: programmeSet.direction, source: "programme" };
  else if (!count) programme = fromDefinition(defined);
  else if (sites.length > 0 && siteTargets.size === sites.length) {
    const rows = [...siteTargets.values()];
    const direction = rows[0]!.direction;
    if (rows.every((r) => r.direction === direction)) {
      programme = { value: rows.reduce((s, r) => s + r.value, 0), direction, source: "sites" };
    }
  }
  return { programme, sites: siteTargets };
}

/**
 * The range of a target value for an indicator of this kind, as the API expresses its values:
 * a ratio is a fraction from 0 to 1 (0.8 is 80 %), a count a whole number of people, records or
 * sites, a median a number of records per patient (or days): never negative.
 */
export function targetRange(kind: IndicatorDefinition["kind"]): { min: number; max: number; whole: boolean } {
  if (kind === "ratio") return { min: 0, max: 1, whole: false };
  if (kind === "count") return { min: 0, max: 10_000_000, whole: true };
  return { min: 0, max: 1_000_000, whole: false };
}
