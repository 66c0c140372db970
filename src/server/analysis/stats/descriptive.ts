import { mean, quantile, sd } from "./numbers.ts";

/** A numeric variable summarised: n, mean, SD, median, quartiles (type 7), min and max. */
export interface NumericSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

export function describeNumbers(values: readonly number[]): NumericSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n,
    mean: mean(values),
    sd: n > 1 ? sd(values) : null,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** A categorical variable: each category's count and percentage of the known values. */
export function describeCategories(values: ReadonlyArray<string | null>): {
  n: number;
  missing: number;
  categories: Array<{ value: string; count: number; percent: number }>;
} {
  const known = values.filter((v): v is string => v !== null);
  const counts = new Map<string, number>();
  for (const v of known) counts.set(v, (counts.get(v) ?? 0) + 1);
  return {
    n: known.length,
    missing: values.length - known.length,
    categories: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ value, count, percent: (100 * count) / known.length })),
  };
}
