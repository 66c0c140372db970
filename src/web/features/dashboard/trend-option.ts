import type { ChartOption, LineSeriesOption } from "../../app/ui/echarts-setup.ts";
import { COLORS } from "./colors.ts";
import { escapeHtml } from "./html.ts";
import type { Cell, IndicatorMeta } from "./types.ts";

export interface TrendLine {
  name: string;
  programme: boolean;
  points: Cell[];
}

export interface TrendTexts {
  months: string[];
  number: (v: number) => string;
  value: (cell: Cell) => string;
  fraction: (cell: Cell) => string | null;
  target: string;
}

/**
 * Monthly as-of values as lines: the programme thick and orange, sites in the palette; a month
 * without data (or suppressed) is a gap, never 0; the target dashed.
 */
export function trendOption(meta: IndicatorMeta, lines: TrendLine[], t: TrendTexts): ChartOption {
  let palette = 0;
  const series: LineSeriesOption[] = lines.map((l, i) => {
    const color = l.programme ? COLORS.programme : COLORS.lines[palette++ % COLORS.lines.length]!;
    return {
      type: "line",
      name: l.name,
      data: l.points.map((p) => (p.suppressed ? null : p.value)),
      connectNulls: false,
      showSymbol: l.points.length <= 24,
      symbolSize: l.programme ? 6 : 4,
      lineStyle: { width: l.programme ? 3 : 1.6, color },
      itemStyle: { color },
      z: l.programme ? 3 : 2,
      markLine:
        i === 0 && meta.target !== null
          ? {
              silent: true,
              symbol: "none",
              lineStyle: { color: COLORS.target, type: "dashed", width: 2 },
              label: {
                position: "end",
                color: COLORS.target,
                formatter: `${t.target}\n${t.number(meta.target)}`,
              },
              data: [{ yAxis: meta.target }],
            }
          : undefined,
    };
  });
  return {
    animationDuration: 300,
    grid: { left: 56, right: 80, top: 48, bottom: 40 },
    legend: { top: 0, type: "scroll" },
    tooltip: {
      trigger: "axis",
      confine: true,
      formatter: (p: unknown) => {
        const items = p as Array<{ dataIndex: number; seriesIndex: number; color: string }>;
        const first = items[0];
        if (!first) return "";
        const rows = items.map((it) => {
          const line = lines[it.seriesIndex];
          const cell = line?.points[it.dataIndex];
          if (!line || !cell) return "";
          const fr = t.fraction(cell);
          return `<span style="color:${it.color}">●</span> ${escapeHtml(line.name)}: ${escapeHtml(t.value(cell))}${fr ? ` (${escapeHtml(fr)})` : ""}`;
        });
        return [`<strong>${escapeHtml(t.months[first.dataIndex] ?? "")}</strong>`, ...rows].join("<br/>");
      },
    },
    xAxis: { type: "category", data: t.months, boundaryGap: false, axisLabel: { color: COLORS.text } },
    yAxis: {
      type: "value",
      min: 0,
      max: meta.kind === "ratio" ? 1 : undefined,
      axisLabel: { formatter: (v: number) => t.number(v), color: COLORS.text },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    series,
  };
}
