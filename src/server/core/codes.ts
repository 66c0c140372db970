import { randomBytes } from "node:crypto";

/** Crockford's base-32 alphabet: no I, L, O, U, so a code read aloud or copied by hand survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A random pseudonymous code such as `P-7K3M9Q2X`: a prefix naming the kind of record and
 * `length` random characters (5 bits each; 8 characters ≈ 10^12 codes, 10 ≈ 10^15). It carries
 * nothing about the person. The table's unique constraint is the final guard.
 */
export function generateCode(prefix: string, length = 8): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}-${out}`;
}

export const CODE_PREFIX = {
  patient: "P",
  enrolment: "E",
  intervention: "I",
  group: "G",
  plan: "TP",
} as const;
