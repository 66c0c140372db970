import { t975, tTwoSided, zTwoSided } from "./distributions.ts";
import { mean, rank, sum, tieTerm, variance } from "./numbers.ts";
import { type Outcome, refuse } from "./result.ts";

/**
 * Welch's t-test of two independent groups (unequal variances). Effect: Cohen's d with the pooled
 * standard deviation; estimate: the difference of means (a − b) with its Welch 95 % interval.
 */
export function welchTTest(a: readonly number[], b: readonly number[]): Outcome {
  const test = "welch_t";
  if (a.length < 2) return refuse(test, "too_few", { min: 2, n: a.length, group: 1 });
  if (b.length < 2) return refuse(test, "too_few", { min: 2, n: b.length, group: 2 });
  const [va, vb] = [variance(a), variance(b)];
  if (va === 0 && vb === 0) return refuse(test, "zero_variance");
  const diff = mean(a) - mean(b);
  const [sa, sb] = [va / a.length, vb / b.length];
  const se = Math.sqrt(sa + sb);
  const t = diff / se;
  const df = (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1));
  const pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
  const half = t975(df) * se;
  return {
    ok: true,
    test,
    statistic: t,
    df,
    p: tTwoSided(t, df),
    effect: { name: "cohen_d", value: diff / pooled },
    estimate: { name: "mean_difference", value: diff, ci: [diff - half, diff + half] },
    n: a.length + b.length,
    notes: [],
  };
}

/**
 * Paired t-test of before/after (or two raters) on the same units. Effect: d_z (mean difference
 * over the standard deviation of the differences); estimate: the mean difference (a − b) with its
 * 95 % interval.
 */
export function pairedTTest(a: readonly number[], b: readonly number[]): Outcome {
  const test = "paired_t";
  if (a.length !== b.length) return refuse(test, "unequal_lengths", { a: a.length, b: b.length });
  if (a.length < 2) return refuse(test, "too_few", { min: 2, n: a.length });
  const d = a.map((x, i) => x - b[i]!);
  const v = variance(d);
  if (v === 0) return refuse(test, "zero_variance");
  const m = mean(d);
  const se = Math.sqrt(v / d.length);
  const df = d.length - 1;
  const half = t975(df) * se;
  return {
    ok: true,
    test,
    statistic: m / se,
    df,
    p: tTwoSided(m / se, df),
    effect: { name: "cohen_dz", value: m / Math.sqrt(v) },
    estimate: { name: "mean_difference", value: m, ci: [m - half, m + half] },
    n: d.length,
    notes: [],
  };
}

/**
 * Mann-Whitney U of two independent groups: U of the first group, the normal approximation with
 * the tie correction and a continuity correction (two-sided). Effect: rank-biserial correlation
 * (positive when the first group tends to be larger).
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): Outcome {
  const test = "mann_whitney";
  if (a.length < 2) return refuse(test, "too_few", { min: 2, n: a.length, group: 1 });
  if (b.length < 2) return refuse(test, "too_few", { min: 2, n: b.length, group: 2 });
  const [n1, n2] = [a.length, b.length];
  const n = n1 + n2;
  const { ranks, ties } = rank([...a, ...b]);
  const u1 = sum(ranks.slice(0, n1)) - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm(ties) / (n * (n - 1))));
  if (sigma === 0) return refuse(test, "all_ties");
  const z = (Math.max(u1, u2) - (n1 * n2) / 2 - 0.5) / sigma;
  return {
    ok: true,
    test,
    statistic: u1,
    p: Math.min(1, zTwoSided(z)),
    effect: { name: "rank_biserial", value: (u1 - u2) / (n1 * n2) },
    n,
    notes: ties.length ? ["tie_corrected"] : [],
  };
}

/**
 * Wilcoxon signed-rank test of paired values: zero differences dropped, the smaller of the two
 * rank sums, the normal approximation with the tie correction (no continuity correction).
 * Effect: the matched-pairs rank-biserial correlation (positive when a tends to exceed b).
 */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[]): Outcome {
  const test = "wilcoxon";
  if (a.length !== b.length) return refuse(test, "unequal_lengths", { a: a.length, b: b.length });
  const d = a.map((x, i) => x - b[i]!).filter((x) => x !== 0);
  if (d.length < 2) return refuse(test, "too_few", { min: 2, n: d.length });
  const n = d.length;
  const { ranks, ties } = rank(d.map(Math.abs));
  const plus = sum(ranks.filter((_, i) => d[i]! > 0));
  const minus = sum(ranks.filter((_, i) => d[i]! < 0));
  const t = Math.min(plus, minus);
  const se = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm(ties) / 48);
  if (se === 0) return refuse(test, "all_ties");
  const z = (t - (n * (n + 1)) / 4) / se;
  const dropped = a.length - n;
  return {
    ok: true,
    test,
    statistic: t,
    p: zTwoSided(z),
    effect: { name: "rank_biserial", value: (plus - minus) / (plus + minus) },
    n,
    notes: [
      ...(dropped ? [`zero_differences_dropped:${dropped}`] : []),
      ...(ties.length ? ["tie_corrected"] : []),
    ],
  };
}
