import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import fCdf from "@stdlib/stats-base-dists-f-cdf";
import hypergeometricPmf from "@stdlib/stats-base-dists-hypergeometric-pmf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/**
 * The distributions the tests need, all from @stdlib (no hand-written distribution functions),
 * as upper tails and two-sided p-values. A p-value is clamped to [0, 1] against rounding.
 */
const clamp = (p: number) => Math.min(1, Math.max(0, p));

/** Two-sided p of a t statistic with `df` degrees of freedom. */
export const tTwoSided = (t: number, df: number) => clamp(2 * (1 - tCdf(Math.abs(t), df)));
/** The t quantile for a two-sided 95 % interval. */
export const t975 = (df: number) => tQuantile(0.975, df);
/** Two-sided p of a standard normal statistic. */
export const zTwoSided = (z: number) => clamp(2 * normalCdf(-Math.abs(z), 0, 1));
export const z975 = normalQuantile(0.975, 0, 1);
/** Upper tail of chi-square. */
export const chiSquareUpper = (x: number, df: number) => clamp(1 - chisquareCdf(x, df));
/** Upper tail of F. */
export const fUpper = (x: number, df1: number, df2: number) => clamp(1 - fCdf(x, df1, df2));
/** P(X = x) for X hypergeometric: a population of `total` with `successes`, `draws` drawn. */
export const hypergeometric = (x: number, total: number, successes: number, draws: number) =>
  hypergeometricPmf(x, total, successes, draws);
