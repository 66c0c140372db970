import pcorrtest from "@stdlib/stats-pcorrtest";
import { round } from "../instruments/score.ts";

export interface Correlation {
  n: number;
  /** Pearson's r; null with fewer than 4 pairs or when one side does not vary. */
  r: number | null;
  pValue: number | null;
  /** 95% confidence interval of r (Fisher's z). */
  ci: [number, number] | null;
}

/**
 * Pearson product-moment correlation of paired values with its two-sided test (t-test of r = 0)
 * and 95% confidence interval, as the Ferrara study reports for client and clinician IMRS.
 */
export function pearson(x: number[], y: number[]): Correlation {
  const n = x.length;
  const varies = (v: number[]) => v.some((a) => a !== v[0]);
  if (n < 4 || !varies(x) || !varies(y)) return { n, r: null, pValue: null, ci: null };
  const t = pcorrtest(x, y, { alpha: 0.05, alternative: "two-sided" });
  const ci = t.ci as unknown as number[];
  return {
    n,
    r: round(t.pcorr, 3),
    pValue: round(t.pValue, 4),
    ci: [round(ci[0]!, 3), round(ci[1]!, 3)],
  };
}
