import { chiSquareUpper, hypergeometric, tTwoSided, z975 } from "./distributions.ts";
import { mean, rank, sum } from "./numbers.ts";
import { type Outcome, refuse } from "./result.ts";

/**
 * Chi-square test of independence of a contingency table (rows × columns of counts), without
 * Yates' correction. Expected counts under 5: a 2 × 2 table is answered by Fisher's exact test
 * instead (noted); a larger table is refused with the number of such cells. Effect: Cramér's V.
 */
export function chiSquare(table: ReadonlyArray<readonly number[]>): Outcome {
  const test = "chi_square";
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  if (rows < 2 || cols < 2) return refuse(test, "one_group", { rows, cols });
  const rowTotals = table.map((r) => sum(r));
  const colTotals = table[0]!.map((_, j) => sum(table.map((r) => r[j]!)));
  const n = sum(rowTotals);
  const expected = table.map((_, i) => colTotals.map((c) => (rowTotals[i]! * c) / n));
  const small = expected.flat().filter((e) => e < 5).length;
  if (small > 0) {
    if (rows === 2 && cols === 2) {
      const fisher = fisherExact(table as [[number, number], [number, number]]);
      if (fisher.ok) fisher.notes.push(`expected_below_5:${small}`);
      return fisher;
    }
    return refuse(test, "small_expected", { cells: small, of: rows * cols });
  }
  const x2 = sum(table.flatMap((r, i) => r.map((o, j) => (o - expected[i]![j]!) ** 2 / expected[i]![j]!)));
  const df = (rows - 1) * (cols - 1);
  return {
    ok: true,
    test,
    statistic: x2,
    df,
    p: chiSquareUpper(x2, df),
    effect: { name: "cramers_v", value: Math.sqrt(x2 / (n * (Math.min(rows, cols) - 1))) },
    n,
    notes: [],
  };
}

/**
 * Fisher's exact test of a 2 × 2 table, two-sided: the probability of every table with the same
 * margins that is no more likely than the one observed (hypergeometric, from @stdlib). Effect: the
 * sample odds ratio (ad / bc; Infinity when bc = 0).
 */
export function fisherExact(table: readonly [readonly [number, number], readonly [number, number]]): Outcome {
  const test = "fisher_exact";
  const [[a, b], [c, d]] = table;
  const n = a + b + c + d;
  if (n === 0) return refuse(test, "too_few", { min: 1, n });
  const col1 = a + c;
  const row1 = a + b;
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  const observed = hypergeometric(a, n, col1, row1);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const px = hypergeometric(x, n, col1, row1);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return {
    ok: true,
    test,
    statistic: a,
    p: Math.min(1, p),
    effect: {
      name: "odds_ratio",
      value: b * c === 0 ? (a * d === 0 ? Number.NaN : Infinity) : (a * d) / (b * c),
    },
    n,
    notes: [],
  };
}

function pearsonR(x: readonly number[], y: readonly number[]): number {
  const [mx, my] = [mean(x), mean(y)];
  const sxy = sum(x.map((v, i) => (v - mx) * (y[i]! - my)));
  const sxx = sum(x.map((v) => (v - mx) ** 2));
  const syy = sum(y.map((v) => (v - my) ** 2));
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

const constant = (xs: readonly number[]) => xs.every((v) => v === xs[0]);

/** Fisher z interval of a correlation, with the given standard error of atanh(r). */
function fisherInterval(r: number, se: number): [number, number] {
  const z = Math.atanh(r);
  return [Math.tanh(z - z975 * se), Math.tanh(z + z975 * se)];
}

function correlationInput(test: string, x: readonly number[], y: readonly number[]) {
  if (x.length !== y.length) return refuse(test, "unequal_lengths", { a: x.length, b: y.length });
  if (x.length < 4) return refuse(test, "too_few", { min: 4, n: x.length });
  if (constant(x) || constant(y)) return refuse(test, "zero_variance");
  return null;
}

/** A correlation's answer: its t-test with n − 2 df and a Fisher z 95 % interval with standard error `se`. */
function correlationResult(test: string, name: string, r: number, n: number, se: number): Outcome {
  const t = r * Math.sqrt((n - 2) / Math.max(1e-300, 1 - r * r));
  return {
    ok: true,
    test,
    statistic: r,
    df: n - 2,
    p: Math.abs(r) === 1 ? 0 : tTwoSided(t, n - 2),
    effect: { name, value: r, ci: fisherInterval(r, se) },
    n,
    notes: [],
  };
}

/** Pearson's r with its t-test (n − 2 df) and Fisher z 95 % interval. */
export function pearson(x: readonly number[], y: readonly number[]): Outcome {
  const refused = correlationInput("pearson", x, y);
  if (refused) return refused;
  const n = x.length;
  return correlationResult("pearson", "r", pearsonR(x, y), n, 1 / Math.sqrt(n - 3));
}

/**
 * Spearman's ρ (Pearson's r of the average ranks) with the t approximation (n − 2 df) and a
 * Fisher z 95 % interval with Bonett & Wright's standard error √((1 + ρ²/2) / (n − 3)).
 */
export function spearman(x: readonly number[], y: readonly number[]): Outcome {
  const refused = correlationInput("spearman", x, y);
  if (refused) return refused;
  const n = x.length;
  const rho = pearsonR(rank(x).ranks, rank(y).ranks);
  return correlationResult("spearman", "rho", rho, n, Math.sqrt((1 + (rho * rho) / 2) / (n - 3)));
}
