import type { ChartOption } from "../../app/ui/echarts-setup.ts";
import { COLORS } from "./colors.ts";
import { cellState } from "./format.ts";
import { escapeHtml } from "./html.ts";
import type { Cell } from "./types.ts";

export interface ComparisonRow {
  label: string;
  site: Cell;
  programme: Cell;
  target: number | null;
}

export interface ComparisonTexts {
  site: string;
  programme: string;
  target: string;
  percent: (v: number) => string;
  value: (cell: Cell) => string;
  fraction: (cell: Cell) => string | null;
}

/**
 * A site's percentages beside the programme's, one pair of horizontal bars per indicator (the
 * report's "site vs region" figure). Targets differ per indicator: the table beside gives them.
 */
export function comparisonOption(rows: ComparisonRow[], t: ComparisonTexts): ChartOption {
  // ECharts draws the first category at the bottom: reverse, so the list reads top-down
  const ordered = [...rows].reverse();
  const bar = (which: "site" | "programme") =>
    ordered.map((r) => {
      const cell = r[which];
      const state = cellState(cell);
      return state === "value"
        ? {
            value: cell.value ?? 0,
            label: { show: true, position: "right" as const, formatter: t.value(cell), fontSize: 10 },
          }
        : {
            value: 0,
            label: {
              show: true,
              position: "right" as const,
              formatter: t.value(cell),
              fontSize: 10,
              fontStyle: "italic" as const,
              color: COLORS.muted,
            },
          };
    });
  return {
    animationDuration: 300,
    grid: { left: 8, right: 56, top: 36, bottom: 24, containLabel: true },
    legend: { top: 0, data: [t.site, t.programme] },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      confine: true,
      formatter: (p: unknown) => {
        const first = (p as Array<{ dataIndex: number }>)[0];
        const r = first ? ordered[first.dataIndex] : undefined;
        if (!r) return "";
        const line = (name: string, cell: Cell) => {
          const fr = t.fraction(cell);
          return `${escapeHtml(name)}: ${escapeHtml(t.value(cell))}${fr ? ` (${escapeHtml(fr)})` : ""}`;
        };
        const lines = [
          `<strong>${escapeHtml(r.label)}</strong>`,
          line(t.site, r.site),
          line(t.programme, r.programme),
        ];
        if (r.target !== null) lines.push(`${escapeHtml(t.target)}: ${escapeHtml(t.percent(r.target))}`);
        return lines.join("<br/>");
      },
    },
    xAxis: {
      type: "value",
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => t.percent(v) },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    yAxis: {
      type: "category",
      data: ordered.map((r) => r.label),
      axisLabel: { width: 220, overflow: "truncate", color: COLORS.text },
    },
    series: [
      {
        type: "bar",
        name: t.site,
        data: bar("site"),
        itemStyle: { color: COLORS.site },
        barGap: "10%",
        barCategoryGap: "30%",
      },
      { type: "bar", name: t.programme, data: bar("programme"), itemStyle: { color: COLORS.programme } },
    ],
  };
}
