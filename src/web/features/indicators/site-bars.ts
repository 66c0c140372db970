import type { TFunction } from "i18next";
import type { Bar } from "./bar-option.ts";
import { type DashboardModel, rowTarget, targetStatus } from "./model.ts";
import type { Breakdown, BreakdownResponse, IndicatorMeta } from "./types.ts";

/**
 * An indicator's sites side by side, each with its own target, then the programme with the
 * programme's — except for counts, whose programme total (a sum of the sites) would dwarf every
 * site's bar (its target, the sum of the sites', is on the tile and in the table).
 */
export function siteBars(model: DashboardModel, meta: IndicatorMeta, programmeLabel: string): Bar[] {
  const bars: Bar[] = model.sites.map((s) => ({
    key: s.code,
    short: s.code,
    long: s.name,
    cell: model.cell(meta.id, s.code),
    ...model.target(meta.id, s.code),
  }));
  if (meta.kind !== "count") {
    bars.push({
      key: null,
      short: programmeLabel,
      long: model.data.programme.name,
      cell: model.cell(meta.id, null),
      programme: true,
      ...model.target(meta.id, null),
    });
  }
  return bars;
}

/** The groups of a breakdown (sex, age band, month…), named in the user's language. */
export function breakdownBars(
  data: BreakdownResponse,
  by: Breakdown,
  t: TFunction,
  programmeLabel: string,
): Bar[] {
  const name = (key: string | null, label: string) => {
    if (key === null) return t("dashboard.chart.noGroup");
    if (by === "sex" && (key === "F" || key === "M" || key === "X" || key === "U")) {
      return t(`dashboard.chart.sex.${key}`);
    }
    return by === "site" || by === "area" ? key : label;
  };
  // A site's own target by site; other groups (areas, sexes, bands, months) of a percentage or a
  // median are held to the programme's; a count's groups have none (its target is per site).
  const meta = data.definition;
  const targetOf = (key: string | null) =>
    by === "site"
      ? key === null
        ? null
        : rowTarget(meta, key)
      : meta.kind === "count"
        ? null
        : rowTarget(meta, null);
  const bars: Bar[] = data.groups.map((g) => ({
    key: g.key,
    short: name(g.key, g.label),
    long: g.key !== null && (by === "site" || by === "area") ? g.label : name(g.key, g.label),
    cell: g,
    target: targetOf(g.key),
    status: targetStatus(targetOf(g.key), g.suppressed ? null : g.value),
  }));
  if (data.definition.kind !== "count") {
    bars.push({
      key: null,
      short: programmeLabel,
      long: data.programme.name,
      cell: data.total,
      programme: true,
      target: rowTarget(meta, null),
      status: targetStatus(rowTarget(meta, null), data.total.suppressed ? null : data.total.value),
    });
  }
  return bars;
}
