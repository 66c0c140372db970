import type { TFunction } from "i18next";
import type { Bar } from "./bar-option.ts";
import type { DashboardModel } from "./model.ts";
import type { Breakdown, BreakdownResponse, IndicatorMeta } from "./types.ts";

/**
 * An indicator's sites side by side, then the programme — except for counts, whose programme
 * total (a sum of the sites) would dwarf every site's bar.
 */
export function siteBars(model: DashboardModel, meta: IndicatorMeta, programmeLabel: string): Bar[] {
  const bars: Bar[] = model.sites.map((s) => ({
    key: s.code,
    short: s.code,
    long: s.name,
    cell: model.cell(meta.id, s.code),
  }));
  if (meta.kind !== "count") {
    bars.push({
      key: null,
      short: programmeLabel,
      long: model.data.programme.name,
      cell: model.cell(meta.id, null),
      programme: true,
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
  const bars: Bar[] = data.groups.map((g) => ({
    key: g.key,
    short: name(g.key, g.label),
    long: g.key !== null && (by === "site" || by === "area") ? g.label : name(g.key, g.label),
    cell: g,
  }));
  if (data.definition.kind !== "count") {
    bars.push({
      key: null,
      short: programmeLabel,
      long: data.programme.name,
      cell: data.total,
      programme: true,
    });
  }
  return bars;
}
