import type { AsOfCells, Cell, IndicatorParameters } from "./compile.ts";
import { resolveInt } from "./compile.ts";
import type { IndicatorDefinition } from "./definition.ts";
import { suppress } from "./suppression.ts";

/** The default threshold under which a site's value is flagged `smallSite`. */
export const SMALL_SITE_DEFAULT = 5;

export interface PresentedCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Withheld from a viewer (small-cell rule, see suppression.ts). */
  suppressed: boolean;
  /** Computed over fewer people than the threshold: read with care. */
  smallSite: boolean;
}

export interface PresentOptions {
  /** Apply the viewers' small-cell suppression. */
  suppress: boolean;
  smallSiteThreshold: number;
}

/** What a value is computed over, for the small-site flag (null: not a count of people). */
function basis(d: IndicatorDefinition, c: Cell): number | null {
  if (d.kind === "ratio") return c.denominator;
  if (d.compute.source === "enrolments") return c.size;
  return null;
}

function cell(
  d: IndicatorDefinition,
  c: Cell,
  suppressed: boolean,
  isGroup: boolean,
  o: PresentOptions,
): PresentedCell {
  const b = basis(d, c);
  return {
    numerator: suppressed ? null : c.numerator,
    denominator: suppressed ? null : c.denominator,
    value: suppressed ? null : c.value,
    suppressed,
    smallSite: isGroup && b !== null && b < o.smallSiteThreshold,
  };
}

/** One indicator's group rows and programme row, with suppression and small-site flags. */
export function presentIndicator(
  d: IndicatorDefinition,
  groups: Array<{ key: string; cell: Cell }>,
  total: Cell,
  o: PresentOptions,
): { groups: PresentedCell[]; total: PresentedCell } {
  const hidden = o.suppress ? suppress(d, groups, total) : { groups: new Set<number>(), total: false };
  return {
    groups: groups.map((g, i) => cell(d, g.cell, hidden.groups.has(i), true, o)),
    total: cell(d, total, hidden.total, false, o),
  };
}

export type PresentedRecord = { id: string; site: string | null } & PresentedCell;

/** Every definition × (sites, then programme) for one reference date, in contract order. */
export function presentRecords(
  defs: IndicatorDefinition[],
  cells: AsOfCells,
  o: PresentOptions,
): PresentedRecord[] {
  const out: PresentedRecord[] = [];
  defs.forEach((d, j) => {
    const groups = cells.groups.map((g) => ({ key: g.key, cell: g.cells[j]! }));
    const shown = presentIndicator(d, groups, cells.total[j]!, o);
    shown.groups.forEach((c, i) => {
      out.push({ id: d.id, site: groups[i]!.key, ...c });
    });
    out.push({ id: d.id, site: null, ...shown.total });
  });
  return out;
}

/** A definition's target as a number for this programme (parameters resolved), or null. */
export function resolvedTarget(d: IndicatorDefinition, p: IndicatorParameters): number | null {
  if (d.target === null) return null;
  return typeof d.target === "number" ? d.target : resolveInt(d.target, p);
}
