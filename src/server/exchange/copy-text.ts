import type { StageValue } from "./spec.ts";

/**
 * Values in `COPY … FROM STDIN`'s text format: `\N` for no value, and a backslash before the
 * characters COPY treats specially. Codes, dates and numbers (most of a row, validated already)
 * never need escaping; free text is checked once.
 */
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyText(v: StageValue | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v;
}

/** An id the import resolved; a missing one is a bug (validation proved the code exists). */
export function copyId(id: number | undefined, what: string, code: StageValue): string {
  if (id === undefined) throw new Error(`no id for ${what} ${String(code)} during a direct load`);
  return String(id);
}
