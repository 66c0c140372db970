import type { Db } from "../../infra/db/database.ts";
import { invalid } from "../../infra/http/errors.ts";
import { addMonths } from "../../infra/time/civil-date.ts";
import { monthlyAsOfs } from "../dates.ts";
import type { IndicatorDefinition } from "../definition.ts";
import { presentIndicator } from "../present.ts";
import { meta, programmeRef } from "../programme-view.ts";
import { computeCells, type ProgrammeContext } from "../service.ts";

export const MAX_SERIES_POINTS = 120;

/** The month ends of a series from `from` (default: see below) to `to`; refused when too long. */
export function seriesMonths(ctx: ProgrammeContext, to: string, from = defaultSeriesStart(ctx, to)) {
  if (from > to) throw invalid("querystring.from", "order", "from must be on or before to");
  const asOfs = monthlyAsOfs(from, to);
  if (asOfs.length > MAX_SERIES_POINTS) {
    throw invalid("querystring.from", "too_long", `at most ${MAX_SERIES_POINTS} months`);
  }
  return { from, to, asOfs };
}

/** Monthly as-of values of one indicator for every site and the programme (one computation). */
export async function indicatorSeries(
  db: Db,
  ctx: ProgrammeContext,
  d: IndicatorDefinition,
  months: { from: string; to: string; asOfs: string[] },
  options: { suppress: boolean; smallSiteThreshold: number },
) {
  const results = await computeCells(db, ctx, [d], { asOf: months.asOfs });
  const perSite = new Map<
    string | null,
    Array<{ asOf: string } & ReturnType<typeof presentIndicator>["total"]>
  >();
  for (const s of ctx.sites) perSite.set(s.code, []);
  perSite.set(null, []);
  for (const r of results) {
    const groups = r.groups.map((g) => ({ key: g.key, cell: g.cells[0]! }));
    const shown = presentIndicator(d, groups, r.total[0]!, options);
    groups.forEach((g, i) => {
      perSite.get(g.key)?.push({ asOf: r.asOf, ...shown.groups[i]! });
    });
    perSite.get(null)!.push({ asOf: r.asOf, ...shown.total });
  }
  return {
    programme: programmeRef(ctx),
    from: months.from,
    to: months.to,
    suppression: options.suppress,
    definition: meta(d, ctx),
    asOfs: months.asOfs,
    series: [...perSite].map(([site, points]) => ({ site, points })),
  };
}

/** A series starts at the implementation phase, else twelve months before `to`. */
function defaultSeriesStart(ctx: ProgrammeContext, to: string): string {
  const start = ctx.implementationStart;
  if (start && start <= to) {
    const earliest = addMonths(to, -(MAX_SERIES_POINTS - 1));
    // civil dates compare as strings
    if (start < earliest) return earliest;
    return start;
  }
  return addMonths(to, -11);
}
