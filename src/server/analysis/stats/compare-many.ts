import { chiSquareUpper, fUpper } from "./distributions.ts";
import { mean, rank, sum, tieTerm } from "./numbers.ts";
import { type Outcome, refuse } from "./result.ts";

/** One-way ANOVA of k groups. Effect: η² (between-groups sum of squares over the total). */
export function oneWayAnova(groups: ReadonlyArray<readonly number[]>): Outcome {
  const test = "anova";
  if (groups.length < 2) return refuse(test, "one_group", { groups: groups.length });
  const small = groups.findIndex((g) => g.length < 2);
  if (small >= 0) return refuse(test, "too_few", { min: 2, n: groups[small]!.length, group: small + 1 });
  const all = groups.flat();
  const grand = mean(all);
  const ssb = sum(groups.map((g) => g.length * (mean(g) - grand) ** 2));
  const ssw = sum(groups.map((g) => sum(g.map((x) => (x - mean(g)) ** 2))));
  if (ssw === 0) return refuse(test, "zero_variance");
  const [df1, df2] = [groups.length - 1, all.length - groups.length];
  const f = ssb / df1 / (ssw / df2);
  return {
    ok: true,
    test,
    statistic: f,
    df: [df1, df2],
    p: fUpper(f, df1, df2),
    effect: { name: "eta_squared", value: ssb / (ssb + ssw) },
    n: all.length,
    notes: [],
  };
}

/**
 * Kruskal-Wallis H of k groups, corrected for ties, against chi-square with k − 1 degrees of
 * freedom. Effect: ε² = H / (n − 1).
 */
export function kruskalWallis(groups: ReadonlyArray<readonly number[]>): Outcome {
  const test = "kruskal_wallis";
  if (groups.length < 2) return refuse(test, "one_group", { groups: groups.length });
  const empty = groups.findIndex((g) => g.length < 1);
  if (empty >= 0) return refuse(test, "too_few", { min: 1, n: 0, group: empty + 1 });
  const all = groups.flat();
  const n = all.length;
  const { ranks, ties } = rank(all);
  const correction = 1 - tieTerm(ties) / (n ** 3 - n);
  if (correction === 0) return refuse(test, "all_ties");
  let at = 0;
  let h = 0;
  for (const g of groups) {
    h += sum(ranks.slice(at, at + g.length)) ** 2 / g.length;
    at += g.length;
  }
  h = ((12 / (n * (n + 1))) * h - 3 * (n + 1)) / correction;
  const df = groups.length - 1;
  return {
    ok: true,
    test,
    statistic: h,
    df,
    p: chiSquareUpper(h, df),
    effect: { name: "epsilon_squared", value: h / (n - 1) },
    n,
    notes: ties.length ? ["tie_corrected"] : [],
  };
}
