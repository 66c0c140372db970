import type { Db } from "../../infra/db/database.ts";
import { invalid } from "../../infra/http/errors.ts";
import type { IndicatorDefinition } from "../definition.ts";
import { type PresentedRecord, presentRecords } from "../present.ts";
import { meta, type ProgrammeView, programmeRef, targetsOf } from "../programme-view.ts";
import { computeCells, type ProgrammeContext } from "../service.ts";
import { targetMet } from "../targets.ts";

/** Each record with its row's target and whether it is met (nothing to judge on a withheld cell). */
function withTargets(defs: IndicatorDefinition[], ctx: ProgrammeContext, records: PresentedRecord[]) {
  const targets = new Map(defs.map((d) => [d.id, targetsOf(d, ctx)]));
  return records.map((r) => {
    const t = targets.get(r.id);
    const row = (r.site === null ? t?.programme : t?.sites.get(r.site)) ?? null;
    return { ...r, target: row?.value ?? null, targetMet: targetMet(r.value, row) };
  });
}

/** The definitions `ids` names (comma-separated), all when absent; an unknown id is refused. */
export function selectDefinitions(
  all: IndicatorDefinition[],
  ids: string | undefined,
): IndicatorDefinition[] {
  if (ids === undefined) return all;
  const wanted = ids.split(",").filter(Boolean);
  const unknown = wanted.filter((id) => !all.some((d) => d.id === id));
  if (unknown.length) throw invalid("querystring.ids", "unknown", `no indicator ${unknown.join(", ")}`);
  return all.filter((d) => wanted.includes(d.id));
}

/** Every chosen indicator for every site and the programme, as of one date. */
export async function indicatorValues(
  db: Db,
  view: ProgrammeView,
  defs: IndicatorDefinition[],
  options: { asOf: string; suppress: boolean; smallSiteThreshold: number },
) {
  const { ctx, pins } = view;
  const { asOf, suppress, smallSiteThreshold } = options;
  const [cells] = await computeCells(db, ctx, defs, { asOf: [asOf] });
  return {
    programme: programmeRef(ctx),
    asOf,
    suppression: suppress,
    smallSiteThreshold,
    sites: ctx.sites,
    definitions: defs.map((d) => meta(d, ctx)),
    pinned: pins,
    indicators: withTargets(defs, ctx, presentRecords(defs, cells!, { suppress, smallSiteThreshold })),
  };
}

/** A definition not yet saved, computed for every site and the programme (nothing suppressed). */
export async function previewValues(db: Db, ctx: ProgrammeContext, d: IndicatorDefinition, asOf: string) {
  const [cells] = await computeCells(db, ctx, [d], { asOf: [asOf] });
  return {
    programme: programmeRef(ctx),
    asOf,
    definition: meta(d, ctx),
    indicators: withTargets(
      [d],
      ctx,
      presentRecords([d], cells!, { suppress: false, smallSiteThreshold: 5 }),
    ),
  };
}
