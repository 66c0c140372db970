/**
 * What an analysis can be about: the outcome variables (one value — or one pair of values — per
 * patient of the programme), the groupings, and the tests, with the kind of outcome each test
 * takes. Pure data shared by the request schema, the validation and the web page.
 */

export const NUMERIC_OUTCOMES = [
  "age",
  "psychosocial_early",
  "imr_modules",
  "score_baseline",
  "score_follow_up",
  "score_change",
] as const;
export const CATEGORICAL_OUTCOMES = ["sex", "diagnosis", "active"] as const;
export const PAIR_OUTCOMES = ["score_pre_post", "imrs_client_clinician"] as const;
export const OUTCOMES = [...NUMERIC_OUTCOMES, ...CATEGORICAL_OUTCOMES, ...PAIR_OUTCOMES] as const;
export type OutcomeId = (typeof OUTCOMES)[number];

export type OutcomeKind = "numeric" | "categorical" | "pair";

export function outcomeKind(o: OutcomeId): OutcomeKind {
  if ((NUMERIC_OUTCOMES as readonly string[]).includes(o)) return "numeric";
  if ((CATEGORICAL_OUTCOMES as readonly string[]).includes(o)) return "categorical";
  return "pair";
}

/** Outcomes read from an instrument's totals: the request names the instrument. */
export const SCORE_OUTCOMES: readonly OutcomeId[] = [
  "score_baseline",
  "score_follow_up",
  "score_change",
  "score_pre_post",
];

export const GROUPINGS = [
  "none",
  "site",
  "service_kind",
  "diagnosis",
  "sex",
  "age_band",
  "cohort",
  "imr_modules_band",
] as const;
export type GroupingId = (typeof GROUPINGS)[number];

/** The IMR modules bands of the `imr_modules_band` grouping (11 modules: the whole curriculum). */
export const IMR_MODULE_BANDS = ["0", "1-5", "6-10", "11"] as const;

export const TESTS = [
  "descriptive",
  "chi_square",
  "fisher",
  "welch_t",
  "mann_whitney",
  "anova",
  "kruskal_wallis",
  "paired_t",
  "wilcoxon",
  "pearson",
  "spearman",
] as const;
export type TestId = (typeof TESTS)[number];

/** The tests each kind of outcome takes ("descriptive" is always allowed). */
export const TESTS_FOR: Record<OutcomeKind, readonly TestId[]> = {
  categorical: ["descriptive", "chi_square", "fisher"],
  numeric: ["descriptive", "welch_t", "mann_whitney", "anova", "kruskal_wallis"],
  pair: ["descriptive", "paired_t", "wilcoxon", "pearson", "spearman"],
};

/** Tests that compare groups: they need a grouping. */
export const NEEDS_GROUPING: readonly TestId[] = [
  "chi_square",
  "fisher",
  "welch_t",
  "mann_whitney",
  "anova",
  "kruskal_wallis",
];

/** A grouping that is the outcome itself (sex by sex) tells nothing. */
export const SAME_VARIABLE: Partial<Record<GroupingId, OutcomeId>> = { sex: "sex", diagnosis: "diagnosis" };
