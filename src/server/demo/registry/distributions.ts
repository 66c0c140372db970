import type { Rng } from "./prng.ts";

/** Distributions over a seeded `Rng`: every draw consumes a fixed, platform-independent sequence. */

export const clamp = (x: number, min: number, max: number) => Math.max(min, Math.min(max, x));
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));

/** A standard normal draw (Box–Muller, one value per call). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal multiplier with median 1 and log-scale spread `sigma`. */
export function lognormal(rng: Rng, sigma: number): number {
  return Math.exp(normal(rng, 0, sigma));
}

/** A log-normal multiplier with mean 1 (skewed: most below 1, a few far above). */
export function meanOneLognormal(rng: Rng, sigma: number): number {
  return Math.exp(normal(rng, -(sigma * sigma) / 2, sigma));
}

/** Log-normal multipliers, one per weight, whose weighted mean is exactly 1. */
export function centredMultipliers(rng: Rng, sigma: number, weights: number[]): number[] {
  const raw = weights.map(() => lognormal(rng, sigma));
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = raw.reduce((acc, x, i) => acc + x * weights[i]!, 0) / total;
  return raw.map((x) => x / mean);
}

/** A Poisson count (Knuth's product method; a rounded normal above λ = 30). */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

/** A normal draw rounded to an integer and clamped to [min, max]. */
export function normalInt(rng: Rng, mean: number, sd: number, min: number, max: number): number {
  return clamp(Math.round(normal(rng, mean, sd)), min, max);
}

/** A sampler over weighted choices; the weights need not sum to 1. */
export class Weighted<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(private readonly items: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    this.cumulative = items.map(([, w]) => {
      sum += w;
      return sum;
    });
    this.total = sum;
    if (!(sum > 0)) throw new Error("a weighted choice needs a positive total weight");
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let i = 0;
    while (i < c.length - 1 && c[i]! <= x) i += 1;
    return this.items[i]![0];
  }
}

/**
 * Site-level probabilities that vary around `target` (spread `sd` on the logit scale) while
 * their `weights`-weighted mean is exactly `target`: sites differ, the region's figure stays put.
 */
export function centredProbabilities(rng: Rng, target: number, sd: number, weights: number[]): number[] {
  const z = weights.map(() => normal(rng, 0, sd));
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = (shift: number) =>
    z.reduce((acc, zi, i) => acc + weights[i]! * sigmoid(logit(target) + zi + shift), 0) / total;
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  const shift = (lo + hi) / 2;
  return z.map((zi) => sigmoid(logit(target) + zi + shift));
}

/** Split `total` into integer parts proportional to `weights` (largest remainder; ties by index). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}
