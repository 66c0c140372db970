import type { Status } from "./format.ts";
import type { Cell, IndicatorMeta, IndicatorRecord, IndicatorsResponse, ProgrammeSite } from "./types.ts";

/** A row's target: the site's (or the programme's, on the programme row), in its direction. */
export interface RowTarget {
  value: number;
  direction: IndicatorMeta["direction"];
}

/** One indicator's target on one row (site code, or null for the programme row), from its meta. */
export function rowTarget(meta: IndicatorMeta, site: string | null): RowTarget | null {
  if (site === null) return meta.target === null ? null : { value: meta.target, direction: meta.direction };
  const t = meta.siteTargets.find((x) => x.site === site);
  return t ? { value: t.target, direction: t.direction } : null;
}

/** Whether a value meets a target in its direction; "none" without a value, target or direction. */
export function targetStatus(target: RowTarget | null, value: number | null): Status {
  if (value === null || target === null || target.direction === null) return "none";
  const met = target.direction === "higher_is_better" ? value >= target.value : value <= target.value;
  return met ? "met" : "notMet";
}

/** One answer of the indicators API, indexed for the views (built once per answer). */
export interface DashboardModel {
  data: IndicatorsResponse;
  definitions: IndicatorMeta[];
  sites: ProgrammeSite[];
  meta(id: string): IndicatorMeta | undefined;
  /** The cell of an indicator at a site, or for the whole programme (site null). */
  cell(id: string, site: string | null): Cell;
  /** The row's target and whether the server found it met ("none": no value, target or direction). */
  target(id: string, site: string | null): { target: RowTarget | null; status: Status };
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
  const cells = new Map<string, IndicatorRecord>();
  const key = (id: string, site: string | null) => `${id}\u0000${site ?? ""}`;
  for (const r of data.indicators) cells.set(key(r.id, r.site), r);
  const sites = new Map(data.sites.map((s) => [s.code, s]));
  const model: DashboardModel = {
    data,
    definitions: data.definitions,
    sites: data.sites,
    meta: (id) => metas.get(id),
    cell: (id, site) => cells.get(key(id, site)) ?? MISSING,
    target: (id, site) => {
      const meta = metas.get(id);
      const record = cells.get(key(id, site));
      const target = meta ? rowTarget(meta, site) : null;
      const met = record?.targetMet ?? null;
      return { target, status: met === null ? "none" : met ? "met" : "notMet" };
    },
    site: (code) => sites.get(code),
  };
  built.set(data, model);
  return model;
}

/**
 * How many sites reach their own target, among the sites that have one (null when none has a
 * direction to be judged by). Met as the server says (`targetMet`): a withheld value is not counted.
 */
export function sitesAtTarget(
  model: DashboardModel,
  meta: IndicatorMeta,
): { met: number; total: number } | null {
  const judged = meta.siteTargets.filter((t) => t.direction !== null && model.site(t.site));
  if (judged.length === 0) return null;
  const met = judged.filter((t) => model.target(meta.id, t.site).status === "met").length;
  return { met, total: judged.length };
}
