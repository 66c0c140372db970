import type { z } from "zod";
import type { IndicatorCache } from "../indicators/public.ts";
import { missesTarget } from "./below-target.ts";
import type { BelowTarget, ProgrammeAggregate } from "./schemas.ts";

/**
 * A programme's indicator values with their targets, as the indicators capability computes and
 * memoizes them per data version (its read-cache.ts): `suppress` for viewers' small cells.
 */
export type TargetsReader = (
  programmeId: number,
  asOf: string,
  suppress: boolean,
) => ReturnType<IndicatorCache["valuesWithTargets"]>;

/** The sites of `programmeIds` whose value misses the indicator's target (below-target.ts). */
export async function sitesBelowTarget(
  valuesWithTargets: TargetsReader,
  programmeIds: number[],
  asOf: string,
): Promise<Array<BelowTarget>> {
  const out: Array<z.infer<typeof BelowTarget>> = [];
  for (const id of programmeIds) {
    const read = await valuesWithTargets(id, asOf, false);
    if (!read?.values) continue;
    const { view, values } = read;
    const siteByCode = new Map(view.ctx.sites.map((s) => [s.code, s]));
    const metaById = new Map(values.definitions.map((d) => [d.id, d]));
    for (const r of values.indicators) {
      const d = metaById.get(r.id);
      const site = r.site === null ? undefined : siteByCode.get(r.site);
      // each site row carries its own target (the site's, or what the programme sets per site)
      const direction = d?.siteTargets.find((t) => t.site === r.site)?.direction ?? d?.direction ?? null;
      if (!d || !site || r.target === null || direction === null || r.value === null) continue;
      if (!missesTarget(r.value, r.target, direction)) continue;
      out.push({
        programmeId: view.ctx.id,
        programmeCode: view.ctx.code,
        siteId: site.id,
        siteCode: site.code,
        indicatorId: d.id,
        label: d.label,
        kind: d.kind,
        builtIn: d.builtIn,
        value: r.value,
        target: r.target,
        direction,
      });
    }
  }
  return out;
}

/**
 * Programme-level figures (aggregates, small cells suppressed) of the indicators with a target,
 * and how many sites meet each target — a count of sites, never a site's list or a patient.
 */
export async function programmeAggregates(
  valuesWithTargets: TargetsReader,
  programmeIds: number[],
  asOf: string,
): Promise<Array<ProgrammeAggregate>> {
  const out: Array<z.infer<typeof ProgrammeAggregate>> = [];
  for (const id of programmeIds) {
    const read = await valuesWithTargets(id, asOf, true);
    if (!read) continue;
    const { view, values } = read;
    const programmeRow = (indicatorId: string) =>
      values?.indicators.find((r) => r.id === indicatorId && r.site === null);
    /** The site rows judged against their own target (a value and a target), and those that meet it. */
    const judged = (d: { id: string }) =>
      (values?.indicators ?? []).filter((r) => r.id === d.id && r.site !== null && r.targetMet !== null);
    out.push({
      programmeId: view.ctx.id,
      programmeCode: view.ctx.code,
      programmeName: view.ctx.name,
      indicators: (values?.definitions ?? []).map((d) => ({
        indicatorId: d.id,
        label: d.label,
        kind: d.kind,
        builtIn: d.builtIn,
        value: programmeRow(d.id)?.value ?? null,
        suppressed: programmeRow(d.id)?.suppressed ?? false,
        sitesMeeting: judged(d).filter((r) => r.targetMet === true).length,
        sitesJudged: judged(d).length,
        target: d.target,
        direction: d.direction,
      })),
    });
  }
  return out;
}
