import { CODE_PREFIX } from "../../core/codes.ts";
import { hash32, mix32 } from "./prng.ts";

/** Crockford's base-32 alphabet, as the registry's own codes (`src/server/registry/codes.ts`). */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const HALF = 2 ** 20;

/**
 * Pseudonymous, deterministic codes such as `P-7K3M9Q2X`, in the registry's format: the n-th
 * record of a kind gets a 40-bit Feistel permutation of n, keyed by the seed and the kind, so
 * codes are unique (a permutation never collides), look random, and carry nothing about anyone.
 */
export class CodeMaker {
  private readonly keys: number[];

  constructor(
    seed: number,
    private readonly prefix: string,
  ) {
    this.keys = [0, 1, 2, 3].map((round) => hash32(`${seed}:${prefix}:${round}`));
  }

  code(n: number): string {
    if (n < 0 || n >= HALF * HALF) throw new Error(`code index ${n} out of range`);
    let left = Math.floor(n / HALF);
    let right = n % HALF;
    for (const key of this.keys) {
      const f = mix32(right ^ key) % HALF;
      const next = (left ^ f) % HALF;
      left = right;
      right = next;
    }
    let value = left * HALF + right;
    let out = "";
    for (let i = 0; i < 8; i++) {
      out = ALPHABET[value % 32] + out;
      value = Math.floor(value / 32);
    }
    return `${this.prefix}-${out}`;
  }
}

export function codeMakers(seed: number) {
  return {
    patient: new CodeMaker(seed, CODE_PREFIX.patient),
    enrolment: new CodeMaker(seed, CODE_PREFIX.enrolment),
    intervention: new CodeMaker(seed, CODE_PREFIX.intervention),
    plan: new CodeMaker(seed, CODE_PREFIX.plan),
    assessment: new CodeMaker(seed, "A"),
  };
}
