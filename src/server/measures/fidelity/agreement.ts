import { round } from "../instruments/score.ts";

/** One rater's ratings: item id → rating. */
export interface RaterRatings {
  rater: string;
  ratings: Record<string, number>;
}

export interface Agreement {
  raters: number;
  /** Items every rater rated: agreement is computed over these only. */
  itemsRatedByAll: number;
  /** Share of those items on which every rater gave the same rating (0–1). */
  exactAgreement: number | null;
  /** Share of those items on which the ratings differ by at most one point (0–1). */
  withinOneAgreement: number | null;
  /**
   * ICC(2,1) (Shrout & Fleiss): two-way random effects, absolute agreement, single rater — items
   * are the targets. Null with fewer than two raters or items, or when nothing varies.
   */
  icc: number | null;
}

/**
 * Agreement between the raters of one review, over the items all of them rated.
 *
 * @example
 *   agreement([{ rater: "A", ratings: { "1": 4, "2": 3 } }, { rater: "B", ratings: { "1": 4, "2": 4 } }])
 *   // → { raters: 2, itemsRatedByAll: 2, exactAgreement: 0.5, withinOneAgreement: 1, icc: … }
 */
export function agreement(raters: RaterRatings[]): Agreement {
  const k = raters.length;
  const items =
    k === 0
      ? []
      : Object.keys(raters[0]!.ratings).filter((id) => raters.every((r) => r.ratings[id] !== undefined));
  const n = items.length;
  const none = { raters: k, itemsRatedByAll: n, exactAgreement: null, withinOneAgreement: null, icc: null };
  if (k < 2 || n === 0) return none;
  const rows = items.map((id) => raters.map((r) => r.ratings[id]!));
  const exact = rows.filter((row) => row.every((v) => v === row[0])).length / n;
  const withinOne = rows.filter((row) => Math.max(...row) - Math.min(...row) <= 1).length / n;
  return {
    ...none,
    exactAgreement: round(exact, 3),
    withinOneAgreement: round(withinOne, 3),
    icc: n < 2 ? null : icc21(rows),
  };
}

/** ICC(2,1) of an n × k matrix (rows: targets, columns: raters). */
export function icc21(rows: number[][]): number | null {
  const n = rows.length;
  const k = rows[0]!.length;
  const all = rows.flat();
  const grand = all.reduce((a, b) => a + b, 0) / all.length;
  const rowMeans = rows.map((r) => r.reduce((a, b) => a + b, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0) / n);
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssTotal = all.reduce((a, x) => a + (x - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;
  const msr = ssRows / (n - 1);
  const msc = ssCols / (k - 1);
  const mse = ssError / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  if (denominator <= 0 || ssTotal === 0) return null;
  return round((msr - mse) / denominator, 3);
}
