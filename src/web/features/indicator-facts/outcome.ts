import type { FactCell, FactDifference, Verification } from "./types.ts";

/** What a programme's last verification says, as one badge. */
export type Outcome = "never" | "missing" | "ok" | "differences";

export function outcomeOf(v: Pick<Verification, "differences" | "detail"> | null): Outcome {
  if (v === null) return "never";
  if (v.detail.missing) return "missing";
  return v.differences === 0 ? "ok" : "differences";
}

export const CELL_FIELDS = ["numerator", "denominator", "value", "size"] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/**
 * How the two sides of one difference differ: one side has no such cell at all, or these fields
 * differ (compared exactly, as the server compares them).
 */
export type CellMismatch =
  | { kind: "absent"; side: "facts" | "recomputed" }
  | { kind: "fields"; fields: CellField[] };

export function mismatchOf(d: Pick<FactDifference, "facts" | "recomputed">): CellMismatch {
  if (d.facts === null) return { kind: "absent", side: "facts" };
  if (d.recomputed === null) return { kind: "absent", side: "recomputed" };
  const a: FactCell = d.facts;
  const b: FactCell = d.recomputed;
  return { kind: "fields", fields: CELL_FIELDS.filter((f) => a[f] !== b[f]) };
}

/** Whole seconds between two instants, at least 0 (how long a verification ran). */
export function durationSeconds(startedAt: string, finishedAt: string): number {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 100) / 10 : 0;
}
