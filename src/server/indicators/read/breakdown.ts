import type { Db } from "../../infra/db/database.ts";
import { invalid } from "../../infra/http/errors.ts";
import { CompileError, compareKeys, type Dimension, NO_KEY, supportsDimension } from "../compile.ts";
import { fillPeriods } from "../dates.ts";
import type { IndicatorDefinition } from "../definition.ts";
import { presentIndicator } from "../present.ts";
import { groupLabel, meta, programmeRef, ZERO } from "../programme-view.ts";
import { computeCells, type ProgrammeContext } from "../service.ts";

/** Refuse a dimension the indicator is not counted by (before anything is computed). */
export function checkDimension(d: IndicatorDefinition, by: Dimension): void {
  if (!supportsDimension(d, by)) {
    throw invalid(
      "querystring.by",
      "unsupported",
      `${d.id} is counted per site: break it down by site or area`,
    );
  }
}

/** One indicator by a dimension; enrolment periods without enrolments shown as empty groups. */
export async function indicatorBreakdown(
  db: Db,
  ctx: ProgrammeContext,
  d: IndicatorDefinition,
  options: { by: Dimension; asOf: string; suppress: boolean; smallSiteThreshold: number },
) {
  const { by, asOf, suppress, smallSiteThreshold } = options;
  let cells: Awaited<ReturnType<typeof computeCells>>;
  try {
    cells = await computeCells(db, ctx, [d], { asOf: [asOf], by });
  } catch (err) {
    if (err instanceof CompileError) throw invalid("querystring.by", "unsupported", err.message);
    throw err;
  }
  const result = cells[0]!;
  let groups = result.groups.map((g) => ({ key: g.key, cell: g.cells[0]! }));
  if (by === "enrolment_month" || by === "enrolment_quarter" || by === "enrolment_year") {
    const found = new Map(groups.map((g) => [g.key, g]));
    groups = fillPeriods(by, [...found.keys()]).map((key) => found.get(key) ?? { key, cell: ZERO(d) });
  }
  groups.sort((a, b) => compareKeys(by, ctx.inputs.parameters, a.key, b.key));
  const shown = presentIndicator(d, groups, result.total[0]!, { suppress, smallSiteThreshold });
  return {
    programme: programmeRef(ctx),
    asOf,
    by,
    suppression: suppress,
    definition: meta(d, ctx),
    groups: groups.map((g, i) => ({
      key: g.key === NO_KEY ? null : g.key,
      label: groupLabel(by, g.key, ctx),
      ...shown.groups[i]!,
    })),
    total: shown.total,
  };
}
