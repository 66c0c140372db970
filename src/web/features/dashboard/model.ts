import type { Cell, IndicatorMeta, IndicatorsResponse, ProgrammeSite } from "./types.ts";

/** One answer of the indicators API, indexed for the views (built once per answer). */
export interface DashboardModel {
  data: IndicatorsResponse;
  definitions: IndicatorMeta[];
  sites: ProgrammeSite[];
  meta(id: string): IndicatorMeta | undefined;
  /** The cell of an indicator at a site, or for the whole programme (site null). */
  cell(id: string, site: string | null): Cell;
  site(code: string): ProgrammeSite | undefined;
}

/** A cell the answer does not hold: nothing to show, never 0. */
const MISSING: Cell = {
  numerator: null,
  denominator: null,
  value: null,
  suppressed: false,
  smallSite: false,
};

const built = new WeakMap<IndicatorsResponse, DashboardModel>();

export function modelOf(data: IndicatorsResponse): DashboardModel {
  const cached = built.get(data);
  if (cached) return cached;
  const metas = new Map(data.definitions.map((d) => [d.id, d]));
  const cells = new Map<string, Cell>();
  const key = (id: string, site: string | null) => `${id}\u0000${site ?? ""}`;
  for (const r of data.indicators) cells.set(key(r.id, r.site), r);
  const sites = new Map(data.sites.map((s) => [s.code, s]));
  const model: DashboardModel = {
    data,
    definitions: data.definitions,
    sites: data.sites,
    meta: (id) => metas.get(id),
    cell: (id, site) => cells.get(key(id, site)) ?? MISSING,
    site: (code) => sites.get(code),
  };
  built.set(data, model);
  return model;
}

/** For a count with a per-site target: how many sites reach it (null without a target). */
export function sitesAtTarget(
  model: DashboardModel,
  meta: IndicatorMeta,
): { met: number; total: number } | null {
  if (meta.kind !== "count" || meta.target === null || meta.direction === null) return null;
  const target = meta.target;
  let met = 0;
  for (const s of model.sites) {
    const v = model.cell(meta.id, s.code).value;
    if (v === null) continue;
    if (meta.direction === "higher_is_better" ? v >= target : v <= target) met++;
  }
  return { met, total: model.sites.length };
}
