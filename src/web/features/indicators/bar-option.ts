import type { BarSeriesOption, ChartOption } from "../../app/ui/echarts-setup.ts";
import { COLORS } from "./colors.ts";
import { cellState } from "./format.ts";
import { escapeHtml } from "./html.ts";
import type { RowTarget } from "./model.ts";
import type { Cell, IndicatorMeta } from "./types.ts";

/** One bar: a site (or breakdown group) or the programme as a whole. */
export interface Bar {
  key: string | null;
  /** Under the bar: a site code, an age band, a month. */
  short: string;
  /** Its full name (a site's name), when it says more than `short`. */
  long: string;
  cell: Cell;
  programme?: boolean;
  /** This bar's target (a site's own, or the programme's), if it has one. */
  target?: RowTarget | null;
  /** Whether the value meets it (as the server says). */
  status?: "met" | "notMet" | "none";
}

/**
 * How the targets of the bars are drawn: one dashed line when every bar has the same target,
 * a short dash over each bar when they differ (each site its own target), nothing without any.
 */
export function targetMarks(bars: Bar[]): { line: number | null; marks: Array<number | null> | null } {
  const values = bars.map((b) => b.target?.value ?? null);
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length === 0) return { line: null, marks: null };
  if (defined.length === bars.length && defined.every((v) => v === defined[0])) {
    return { line: defined[0]!, marks: null };
  }
  return { line: null, marks: values };
}

/** How the builder writes numbers and words (from the caller's language). */
export interface BarTexts {
  value: (cell: Cell, digits?: number) => string;
  number: (value: number) => string;
  fraction: (cell: Cell) => string | null;
  indicator: string;
  target: string;
  /** "On target" / "Off target". */
  status: { met: string; notMet: string };
  smallSite: string;
  suppressedLong: string;
  noDataLong: string;
  numeratorDenominator: string;
}

/** Small sites: the bar is lighter and hatched, so the mark does not rely on colour alone. */
const SMALL_DECAL = {
  symbol: "rect",
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 3],
  rotation: -Math.PI / 4,
  color: "rgba(255, 255, 255, 0.55)",
};

/**
 * Bars side by side, like the figures of the Lombardy report: one per site (or group), the
 * programme last in its own colour, each labelled with its value and, for a percentage, its
 * numerator over its denominator; the target as a dashed line, or each site's own target as a dash
 * over its bar. "No data" and suppressed cells get a label on the axis instead of a bar, so they
 * never read as 0.
 */
export function barOption(meta: IndicatorMeta, bars: Bar[], t: BarTexts): ChartOption {
  const ratio = meta.kind === "ratio";
  const many = bars.length > 12;
  const data: NonNullable<BarSeriesOption["data"]> = bars.map((b) => {
    const state = cellState(b.cell);
    const color = b.programme ? COLORS.programme : b.cell.smallSite ? COLORS.small : COLORS.site;
    if (state !== "value") {
      return {
        value: 0,
        itemStyle: { color: "transparent" },
        label: {
          show: true,
          position: "insideBottom",
          rotate: 90,
          align: "left",
          verticalAlign: "middle",
          distance: 4,
          color: COLORS.muted,
          fontStyle: "italic",
          formatter: t.value(b.cell),
        },
      };
    }
    const fraction = ratio ? t.fraction(b.cell) : null;
    return {
      value: b.cell.value ?? 0,
      itemStyle: { color, ...(b.cell.smallSite && !b.programme ? { decal: SMALL_DECAL } : {}) },
      label: {
        show: true,
        position: "top",
        // legible where the target line crosses the label
        backgroundColor: "rgba(255, 255, 255, 0.8)",
        padding: [1, 2],
        borderRadius: 2,
        formatter: fraction ? `{v|${t.value(b.cell, 0)}}\n{f|${fraction}}` : `{v|${t.value(b.cell, 0)}}`,
        rich: {
          v: { fontSize: many ? 11 : 12, fontWeight: "bold", color: COLORS.text, lineHeight: 14 },
          f: { fontSize: many ? 9 : 10, color: COLORS.muted, lineHeight: 12 },
        },
      },
    };
  });

  const values = bars.map((b) => b.cell.value ?? 0);
  const { line, marks } = targetMarks(bars);
  const top = Math.max(...values, ...bars.map((b) => b.target?.value ?? 0));
  return {
    animationDuration: 300,
    grid: {
      left: 56,
      right: line === null ? 24 : 96,
      top: 44,
      bottom: many ? 86 : 56,
      containLabel: false,
    },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        const b = bars[i];
        if (!b) return "";
        const state = cellState(b.cell);
        const lines = [
          `<strong>${escapeHtml(b.long === b.short ? b.short : `${b.short} — ${b.long}`)}</strong>`,
          `${escapeHtml(t.indicator)}: ${escapeHtml(t.value(b.cell))}`,
        ];
        const fraction = t.fraction(b.cell);
        if (fraction) lines.push(`${escapeHtml(t.numeratorDenominator)}: ${escapeHtml(fraction)}`);
        if (state === "suppressed") lines.push(escapeHtml(t.suppressedLong));
        if (state === "noData") lines.push(escapeHtml(t.noDataLong));
        if (b.cell.smallSite) lines.push(escapeHtml(t.smallSite));
        if (b.target) {
          const met = b.status === "met" ? t.status.met : b.status === "notMet" ? t.status.notMet : null;
          lines.push(
            `${escapeHtml(t.target)}: ${escapeHtml(t.number(b.target.value))}${met ? ` — ${escapeHtml(met)}` : ""}`,
          );
        }
        return lines.join("<br/>");
      },
    },
    xAxis: {
      type: "category",
      data: bars.map((b) => b.short),
      axisTick: { alignWithLabel: true },
      axisLabel: {
        interval: 0,
        rotate: many ? 45 : 0,
        fontSize: 11,
        color: COLORS.text,
        formatter: (v: string, i: number) => (bars[i]?.programme ? `{p|${v}}` : v),
        rich: { p: { fontWeight: "bold", color: COLORS.programme, fontSize: 11 } },
      },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: ratio ? 1 : undefined,
      // leave room for the labels above the highest bar
      ...(ratio ? {} : { max: top > 0 ? Math.ceil(top * 1.15) : 1 }),
      splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { formatter: (v: number) => t.number(v), color: COLORS.text },
    },
    series: [
      {
        type: "bar",
        name: t.indicator,
        data,
        barMaxWidth: 48,
        barCategoryGap: "28%",
        emphasis: { focus: "self" },
        // above the target line, labels included: "32% 12/38" stays legible where the line crosses it
        z: 3,
      },
      ...(marks === null
        ? []
        : [
            {
              // each bar's own target: a short dash over it (a line series without its line)
              type: "line" as const,
              name: t.target,
              data: marks.map((v) => (v === null ? "-" : v)),
              symbol: "rect",
              symbolSize: [many ? 18 : 34, 3],
              showSymbol: true,
              showAllSymbol: true,
              connectNulls: false,
              lineStyle: { width: 0, opacity: 0 },
              itemStyle: { color: COLORS.target },
              silent: true,
              z: 4,
            },
          ]),
      ...(line === null
        ? []
        : [
            {
              type: "line" as const,
              name: t.target,
              data: [],
              silent: true,
              z: 1,
              markLine: {
                silent: true,
                symbol: "none",
                z: 1,
                lineStyle: { color: COLORS.target, type: "dashed" as const, width: 2 },
                label: {
                  position: "end" as const,
                  color: COLORS.target,
                  fontWeight: "bold" as const,
                  formatter: `${t.target} ${t.number(line)}`,
                },
                data: [{ yAxis: line }],
              },
            },
          ]),
    ],
  };
}
