import { isSmall } from "../core/small-cells.ts";
import { byteCompare, type Cell } from "./compile.ts";
import type { IndicatorDefinition } from "./definition.ts";

/**
 * Small-cell suppression for viewers (aggregates only). The rule, for one indicator and one
 * reference date, over its groups (sites, or the groups of a breakdown) and the programme row:
 *
 * 1. Which cells are protected: those counting people — patients (source `enrolments`) and
 *    professionals. Counts of groups and of sites at target are not about people and are shown.
 * 2. Primary: a row is suppressed when its numerator or denominator is 1–4, or, for a value
 *    taken over patients (a count of records, a median), when it is taken over 1–4 patients.
 * 3. Secondary (ratio and count: site rows add up to the programme row): while the programme
 *    row is shown and the suppressed group rows could be derived from it — only one group row is
 *    suppressed, or the sum of the suppressed rows' numerators, denominators or patients
 *    (programme minus the shown rows) is itself 1–4 — also suppress the shown group row with
 *    the smallest non-zero denominator (count: value), ties by key; if no such row is left,
 *    suppress the programme row.
 * 4. A suppressed row has numerator, denominator and value null and `suppressed: true`.
 * Medians do not add up: only the primary rule applies to them.
 */

/** Whether the cells of this definition count people (and so are protected). */
export function protectedDefinition(d: IndicatorDefinition): boolean {
  const s = d.compute.source;
  return s === "enrolments" || s === "professionals" || s === "professionals_ratio" || s === "offers";
}

function primary(d: IndicatorDefinition, c: Cell): boolean {
  if (d.kind === "median") return isSmall(c.size);
  return (
    isSmall(c.numerator) || isSmall(c.denominator) || (d.compute.source === "enrolments" && isSmall(c.size))
  );
}

/** The size by which "smallest" is judged, and whether a row carries anything at all. */
const weight = (d: IndicatorDefinition, c: Cell) =>
  d.kind === "ratio" ? (c.denominator ?? 0) : (c.numerator ?? 0);
const empty = (c: Cell) => !c.numerator && !c.denominator && !c.size;

/**
 * Decide which rows to suppress. `groups` are the group rows (key, cell); returns the set of
 * suppressed group indices and whether the programme row is suppressed.
 */
export function suppress(
  d: IndicatorDefinition,
  groups: Array<{ key: string; cell: Cell }>,
  total: Cell,
): { groups: Set<number>; total: boolean } {
  const out = { groups: new Set<number>(), total: false };
  if (!protectedDefinition(d)) return out;
  groups.forEach((g, i) => {
    if (primary(d, g.cell)) out.groups.add(i);
  });
  out.total = primary(d, total);
  if (d.kind === "median" || out.total || out.groups.size === 0) return out;

  const sum = (pick: (c: Cell) => number | null) => {
    let s = 0;
    for (const i of out.groups) s += pick(groups[i]!.cell) ?? 0;
    return s;
  };
  const derivable = () =>
    out.groups.size === 1 ||
    isSmall(sum((c) => c.numerator)) ||
    isSmall(sum((c) => c.denominator)) ||
    (d.compute.source === "enrolments" && isSmall(sum((c) => c.size)));
  while (derivable()) {
    let best = -1;
    groups.forEach((g, i) => {
      if (out.groups.has(i) || empty(g.cell)) return;
      if (best === -1) {
        best = i;
        return;
      }
      const b = groups[best]!;
      const byWeight = weight(d, g.cell) - weight(d, b.cell);
      if (byWeight < 0 || (byWeight === 0 && byteCompare(g.key, b.key) < 0)) best = i;
    });
    if (best === -1) {
      out.total = true;
      break;
    }
    out.groups.add(best);
  }
  return out;
}
