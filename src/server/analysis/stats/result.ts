/**
 * What a statistical test answers: its statistic, degrees of freedom where it has them, the
 * two-sided p-value, an effect size with its 95 % confidence interval where one is defined, and
 * the numbers it was computed from — or a refusal that says which assumption cannot hold, so the
 * page can say why instead of printing a meaningless figure.
 */
export interface Effect {
  /** e.g. "cohen_d", "rank_biserial", "eta_squared", "cramers_v", "odds_ratio", "r", "rho". */
  name: string;
  value: number;
  /** 95 % confidence interval, when the effect has a standard one. */
  ci?: [number, number];
}

export interface TestResult {
  ok: true;
  test: string;
  statistic: number;
  /** Degrees of freedom (two for F: between, within). */
  df?: number | [number, number];
  /** Two-sided p-value. */
  p: number;
  effect?: Effect;
  /** 95 % confidence interval of the estimate the test is about (a mean difference, r). */
  estimate?: { name: string; value: number; ci: [number, number] };
  n: number;
  /** Facts worth showing with the result (e.g. "expected counts under 5 in 2 cells"). */
  notes: string[];
}

/** Stable reason codes (translated by the web app) with the numbers that explain them. */
export type RefusalReason =
  | "too_few" // fewer observations than the test needs (params: min, n, group)
  | "zero_variance" // every value equal where the test divides by a spread
  | "small_expected" // a chi-square cell with expected count < 5 where Fisher's exact test cannot be used
  | "unequal_lengths" // paired data of different lengths
  | "one_group" // a comparison with fewer than two groups
  | "all_ties"; // rank test with every value tied

export interface Refusal {
  ok: false;
  test: string;
  reason: RefusalReason;
  params: Record<string, number | string>;
}

export type Outcome = TestResult | Refusal;

export const refuse = (
  test: string,
  reason: RefusalReason,
  params: Record<string, number | string> = {},
): Refusal => ({
  ok: false,
  test,
  reason,
  params,
});
