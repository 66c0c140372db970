import type { ChartOption, LineSeriesOption } from "../../app/ui/echarts-setup.ts";
import { COLORS } from "./colors.ts";
import { escapeHtml } from "./html.ts";
import type { RowTarget } from "./model.ts";
import type { Cell, IndicatorMeta } from "./types.ts";

export interface TrendLine {
  name: string;
  programme: boolean;
  points: Cell[];
  /** The line's own target: a site's beside its line, the programme's beside the programme's. */
  target?: RowTarget | null;
}

export interface TrendTexts {
  months: string[];
  number: (v: number) => string;
  value: (cell: Cell) => string;
  fraction: (cell: Cell) => string | null;
  target: string;
  /** "Target S1" for a line's own target. */
  targetOf: (name: string) => string;
}

/**
 * Monthly as-of values as lines: the programme thick and orange, sites in the palette; a month
 * without data (or suppressed) is a gap, never 0. Each line's own target is dashed in its colour
 * — a site's beside the site's line, the programme's beside the programme's (for a count, the sum
 * of the sites' targets: a per-site target is never drawn against the programme total). When
 * every line shows the same target, it is drawn once.
 */
export function trendOption(meta: IndicatorMeta, lines: TrendLine[], t: TrendTexts): ChartOption {
  let palette = 0;
  const targets = lines.map((l) => l.target?.value ?? null);
  const shared =
    targets.length > 0 && targets.every((v) => v !== null && v === targets[0]) ? targets[0]! : null;
  const highest = Math.max(0, ...targets.map((v) => v ?? 0));
  const series: LineSeriesOption[] = lines.map((l, i) => {
    const color = l.programme ? COLORS.programme : COLORS.lines[palette++ % COLORS.lines.length]!;
    const own = l.target?.value ?? null;
    const mark = shared !== null ? (i === 0 ? shared : null) : own;
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
        mark !== null
          ? {
              silent: true,
              symbol: "none",
              // drawn at once: a dashed line growing from the left reads as a target that ends
              animation: false,
              lineStyle: { color: shared !== null ? COLORS.target : color, type: "dashed", width: 2 },
              label:
                shared !== null
                  ? { position: "end", color: COLORS.target, formatter: `${t.target}\n${t.number(mark)}` }
                  : {
                      // several targets: each named after its line, above it at the right end
                      position: "insideEndTop",
                      color,
                      fontWeight: "bold",
                      formatter: `${t.targetOf(l.name)} ${t.number(mark)}`,
                    },
              data: [{ yAxis: mark }],
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
      // a target above every value stays in sight
      max: meta.kind === "ratio" ? 1 : (v: { max: number }) => Math.max(v.max, Math.ceil(highest * 1.05)),
      axisLabel: { formatter: (v: number) => t.number(v), color: COLORS.text },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    series,
  };
}
