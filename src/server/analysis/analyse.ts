import type { OutcomeKind, TestId } from "../../shared/analysis-variables.ts";
import { chiSquare, fisherExact, pearson, spearman } from "./stats/association.ts";
import { kruskalWallis, oneWayAnova } from "./stats/compare-many.ts";
import { mannWhitney, pairedTTest, welchTTest, wilcoxonSignedRank } from "./stats/compare-two.ts";
import { describeNumbers, type NumericSummary } from "./stats/descriptive.ts";
import type { Outcome, Refusal } from "./stats/result.ts";

/**
 * One patient of the analysis: the group it falls in (null when the grouping is unknown for it)
 * and its outcome — a number, a category, or a pair of numbers (`value`, `second`); null when the
 * patient has no such value.
 */
export interface Unit {
  group: string | null;
  value: number | string | null;
  second?: number | null;
}

export interface CategoryCount {
  value: string;
  count: number;
  percent: number;
}

/** One row of the descriptive table: a group, or every group together (`key` null). */
export interface DescriptiveRow {
  key: string | null;
  n: number;
  /** Share of the analysed patients in this row (100 for the row of all). */
  percent: number;
  /** Numeric outcome: its summary; pair: the first member's. */
  summary: NumericSummary | null;
  /** Pair: the second member's summary and that of the difference first − second. */
  second: NumericSummary | null;
  difference: NumericSummary | null;
  /** Categorical outcome: every category of the analysis, 0 where the row has none. */
  categories: CategoryCount[] | null;
}

/** A test's answer, for all patients (`group` null) or — paired tests — within one group. */
export interface GroupTest {
  group: string | null;
  result: Outcome | AnalysisRefusal;
}

/** Refusals of the analysis itself, beside those of the statistics (stats/result.ts). */
export type AnalysisRefusal = Omit<Refusal, "reason"> & {
  reason: Refusal["reason"] | "two_groups_needed" | "not_2x2" | "suppressed";
};

export const refusal = (
  test: string,
  reason: AnalysisRefusal["reason"],
  params: AnalysisRefusal["params"] = {},
): AnalysisRefusal => ({ ok: false, test, reason, params });

export interface Analysis {
  rows: DescriptiveRow[];
  tests: GroupTest[];
  excluded: { missingGroup: number; missingOutcome: number };
}

/** Group keys in this order: those of `order` first as listed, then the rest in byte order. */
export function orderKeys(keys: Iterable<string>, order: readonly string[] = []): string[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const complete = (u: Unit, kind: OutcomeKind) =>
  u.value !== null && (kind !== "pair" || (u.second !== null && u.second !== undefined));

/**
 * The descriptive table and the test of one analysis, from its units. Patients without a group
 * (when grouped) or without the outcome are left out and counted. Group comparisons take the
 * groups in table order; paired tests and correlations run over all patients and, when grouped,
 * within each group too. Pure.
 */
export function analyse(
  units: readonly Unit[],
  kind: OutcomeKind,
  grouped: boolean,
  test: TestId,
  order: readonly string[] = [],
): Analysis {
  const missingGroup = grouped ? units.filter((u) => u.group === null).length : 0;
  const inGroup = grouped ? units.filter((u) => u.group !== null) : units;
  const used = inGroup.filter((u) => complete(u, kind));
  const keys = grouped
    ? orderKeys(
        used.map((u) => u.group!),
        order,
      )
    : [];
  const members = keys.map((k) => used.filter((u) => u.group === k));
  const categories =
    kind === "categorical"
      ? orderKeys(
          used.map((u) => String(u.value)),
          ["yes", "no"],
        )
      : [];

  const row = (key: string | null, us: readonly Unit[]): DescriptiveRow => {
    const nums = us.map((u) => Number(u.value));
    const seconds = us.map((u) => Number(u.second));
    return {
      key,
      n: us.length,
      percent: used.length ? (100 * us.length) / used.length : 0,
      summary: kind === "categorical" ? null : describeNumbers(nums),
      second: kind === "pair" ? describeNumbers(seconds) : null,
      difference: kind === "pair" ? describeNumbers(nums.map((x, i) => x - seconds[i]!)) : null,
      categories:
        kind === "categorical"
          ? categories.map((value) => {
              const count = us.filter((u) => u.value === value).length;
              return { value, count, percent: us.length ? (100 * count) / us.length : 0 };
            })
          : null,
    };
  };
  const rows = [...keys.map((k, i) => row(k, members[i]!)), row(null, used)];
  return {
    rows,
    tests: runTest(test, kind, keys, members, used),
    excluded: { missingGroup, missingOutcome: inGroup.length - used.length },
  };
}

const numbers = (us: readonly Unit[]) => us.map((u) => Number(u.value));

/** A refusal naming the group by its key rather than by its position. */
function named(result: Outcome, keys: readonly string[]): Outcome {
  if (result.ok || typeof result.params.group !== "number") return result;
  const key = keys[result.params.group - 1];
  return key === undefined ? result : { ...result, params: { ...result.params, group: key } };
}

function runTest(
  test: TestId,
  kind: OutcomeKind,
  keys: readonly string[],
  members: readonly Unit[][],
  all: readonly Unit[],
): GroupTest[] {
  const overall = (result: Outcome | AnalysisRefusal): GroupTest[] => [{ group: null, result }];
  switch (test) {
    case "descriptive":
      return [];
    case "chi_square":
    case "fisher": {
      const cats =
        kind === "categorical"
          ? orderKeys(
              all.map((u) => String(u.value)),
              ["yes", "no"],
            )
          : [];
      const table = members.map((us) => cats.map((c) => us.filter((u) => u.value === c).length));
      if (test === "chi_square") return overall(named(chiSquare(table), keys));
      if (table.length !== 2 || cats.length !== 2)
        return overall(refusal(test, "not_2x2", { rows: table.length, cols: cats.length }));
      return overall(fisherExact(table as [[number, number], [number, number]]));
    }
    case "welch_t":
    case "mann_whitney": {
      if (members.length !== 2)
        return overall(refusal(test, "two_groups_needed", { groups: members.length }));
      const [a, b] = [numbers(members[0]!), numbers(members[1]!)];
      return overall(named(test === "welch_t" ? welchTTest(a, b) : mannWhitney(a, b), keys));
    }
    case "anova":
    case "kruskal_wallis": {
      const groups = members.map(numbers);
      return overall(named(test === "anova" ? oneWayAnova(groups) : kruskalWallis(groups), keys));
    }
    case "paired_t":
    case "wilcoxon":
    case "pearson":
    case "spearman": {
      const run = (us: readonly Unit[]) => {
        const [x, y] = [numbers(us), us.map((u) => Number(u.second))];
        if (test === "paired_t") return pairedTTest(x, y);
        if (test === "wilcoxon") return wilcoxonSignedRank(x, y);
        return test === "pearson" ? pearson(x, y) : spearman(x, y);
      };
      return [
        ...keys.map((group, i) => ({ group, result: run(members[i]!) })),
        { group: null, result: run(all) },
      ];
    }
  }
}
