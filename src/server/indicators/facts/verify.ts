import type { Db } from "../../infra/db/database.ts";
import { addDays, addMonths, today } from "../../infra/time/civil-date.ts";
import { type AsOfCells, type Cell, type Dimension, NO_KEY, supportsDimension } from "../compile.ts";
import type { IndicatorDefinition } from "../definition.ts";
import { BUILT_IN, computeCells, type ProgrammeContext, recomputeCells } from "../service.ts";
import { factsBuilt } from "./read.ts";
import { type StoredDifference, verifyStoredFacts } from "./verify-stored.ts";

export interface Difference {
  asOf: string;
  by: Dimension;
  indicator: string;
  /** The site, area or group; null for the programme row. */
  group: string | null;
  facts: Cell | null;
  recomputed: Cell | null;
}

export interface Verification {
  programme: string;
  asOf: string[];
  /** Cells compared (indicator × group × date × dimension). */
  cells: number;
  differences: Difference[];
  /** The facts of the programme were never built (nothing to compare). */
  missing: boolean;
  /** The deep check's tables whose stored rows differ from a rebuild (empty when not asked). */
  stored: StoredDifference[];
  ms: number;
}

/** The dates a verification looks at by default: today and the last day of the previous month. */
export const defaultVerifyDates = (now = new Date()) => {
  const t = today(now);
  return [t, addDays(addMonths(t, 0), -1)];
};

/**
 * Recompute the built-in catalogue from the registry (the compiled definitions, no facts, no
 * cache) and compare it, cell by cell, with what the facts give: by site (the per-site facts)
 * and by sex (the per-enrolment facts), for each date. `deep` also compares the stored rows with a
 * rebuild (verify-stored.ts). Read-only.
 */
export async function verifyFacts(
  db: Db,
  ctx: ProgrammeContext,
  asOf: string[],
  { dims = ["site", "sex"], deep = false }: { dims?: Dimension[]; deep?: boolean } = {},
): Promise<Verification> {
  const started = performance.now();
  const out: Verification = {
    programme: ctx.code,
    asOf,
    cells: 0,
    differences: [],
    missing: false,
    stored: [],
    ms: 0,
  };
  if (!(await factsBuilt(db, ctx.id))) {
    out.missing = true;
    out.ms = Math.round(performance.now() - started);
    return out;
  }
  for (const by of dims) {
    const defs = BUILT_IN.filter((d) => supportsDimension(d, by));
    const [fromFacts, recomputed] = await Promise.all([
      // what the stored facts say now, not what this process remembers of them
      computeCells(db, ctx, defs, { asOf, by, fresh: true }),
      recomputeCells(db, ctx, defs, { asOf, by }),
    ]);
    compare(defs, by, fromFacts, recomputed, out);
  }
  if (deep) out.stored = await verifyStoredFacts(db, ctx.id);
  out.ms = Math.round(performance.now() - started);
  return out;
}

const same = (a: Cell | null, b: Cell | null) =>
  a !== null &&
  b !== null &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator &&
  a.value === b.value &&
  a.size === b.size;

function compare(
  defs: IndicatorDefinition[],
  by: Dimension,
  fromFacts: AsOfCells[],
  recomputed: AsOfCells[],
  out: Verification,
) {
  for (const [i, r] of recomputed.entries()) {
    const f = fromFacts[i]!;
    const keys = new Set([...r.groups.map((g) => g.key), ...f.groups.map((g) => g.key)]);
    const rows: Array<[string | null, Cell[] | undefined, Cell[] | undefined]> = [
      ...[...keys].map((k): [string, Cell[] | undefined, Cell[] | undefined] => [
        k,
        f.groups.find((g) => g.key === k)?.cells,
        r.groups.find((g) => g.key === k)?.cells,
      ]),
      [null, f.total, r.total],
    ];
    for (const [group, fc, rc] of rows) {
      defs.forEach((d, j) => {
        out.cells += 1;
        const a = fc?.[j] ?? null;
        const b = rc?.[j] ?? null;
        if (!same(a, b)) {
          out.differences.push({
            asOf: r.asOf,
            by,
            indicator: d.id,
            group: group === NO_KEY ? "(none)" : group,
            facts: a,
            recomputed: b,
          });
        }
      });
    }
  }
}
