import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import { SERIES } from "../chart-palette.ts";
import type { Comparison } from "../types.ts";

type Axis = "items" | "levels";
const reviewed = (c: Comparison) => c.sites.filter((s) => s.reviewId !== null);
/** ECharts leaves "-" out of a radar's polygon and a heat map's cells. */
const valueOrGap = (v: number | null | undefined) => (v === null || v === undefined ? "-" : v);

/** An axis name short enough to stay inside the chart (the full names are under the table). */
const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23).trimEnd()}…` : s);

/** The latest review of each site on one radar: an axis per item (or per level), a polygon per site. */
export function radarOption(
  c: Comparison,
  axis: Axis,
  levelLabel: (l: string) => string,
): MeasuresChartOption {
  const levels = [...new Set(c.items.map((i) => i.level))];
  const axes =
    axis === "items"
      ? c.items.map((i) => ({ key: i.id, name: short(`${i.id}. ${i.name}`) }))
      : levels.map((l) => ({ key: l, name: levelLabel(l) }));
  const sites = reviewed(c);
  return {
    animation: false,
    color: SERIES,
    tooltip: { trigger: "item" },
    legend: { bottom: 0, data: sites.map((s) => s.siteCode) },
    radar: {
      radius: "60%",
      center: ["50%", "48%"],
      indicator: axes.map((a) => ({ name: a.name, min: c.range.min, max: c.range.max })),
      axisName: {
        color: "#343a40",
        fontSize: 11,
        width: 120,
        overflow: "break",
      },
      splitNumber: c.range.max - c.range.min,
    },
    series: [
      {
        type: "radar",
        symbolSize: 5,
        areaStyle: { opacity: 0.12 },
        data: sites.map((s) => ({
          name: s.siteCode,
          value: axes.map((a) => valueOrGap(axis === "items" ? s.items[a.key] : s.levels[a.key])) as number[],
        })),
      },
    ],
  };
}

/** Sites × items, each cell the consensus rating of the site's latest review, from red (low) to green. */
export function heatmapOption(c: Comparison): MeasuresChartOption {
  const sites = reviewed(c);
  const data = sites.flatMap((s, y) => c.items.map((i, x) => [x, y, valueOrGap(s.items[i.id])]));
  return {
    animation: false,
    tooltip: {
      formatter: (p: unknown) => {
        const [x, y, v] = (p as { value: [number, number, number | string] }).value;
        return `${sites[y]?.siteCode} · ${c.items[x]?.id}. ${c.items[x]?.name}: ${v}`;
      },
    },
    grid: { left: 90, right: 16, top: 8, bottom: 72 },
    xAxis: { type: "category", data: c.items.map((i) => i.id), splitArea: { show: true } },
    yAxis: { type: "category", data: sites.map((s) => s.siteCode), inverse: true },
    visualMap: {
      min: c.range.min,
      max: c.range.max,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 160,
      text: [String(c.range.max), String(c.range.min)],
      inRange: { color: ["#e03131", "#ffd43b", "#2f9e44"] },
    },
    series: [
      {
        type: "heatmap",
        data: data as never,
        label: { show: true, color: "#212529" },
        emphasis: { itemStyle: { borderColor: "#212529", borderWidth: 1 } },
      },
    ],
  };
}
