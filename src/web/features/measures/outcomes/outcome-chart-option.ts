import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import { BAND_COLOURS, SERIES } from "../chart-palette.ts";
import type { InstrumentOutcome, Respondent } from "../types.ts";

const DAY = 86_400_000;

/** A band's background colour: its level spread over the palette, reversed when higher is better. */
export function bandColour(level: number, levels: number, higherIsBetter: boolean): string {
  const top = Math.max(levels - 1, 1);
  const l = higherIsBetter ? top - level : level;
  return BAND_COLOURS[Math.min(Math.round((l / top) * (BAND_COLOURS.length - 1)), BAND_COLOURS.length - 1)]!;
}

/**
 * An instrument's totals over time, one line per respondent, over its severity bands (shaded
 * from each band's minimum up to the next one's).
 */
export function outcomeChartOption(
  o: InstrumentOutcome,
  respondentLabel: (r: Respondent) => string,
  formatDate: (iso: string) => string,
  text: (english: string) => string = (s) => s,
): MeasuresChartOption {
  const respondents = [...new Set(o.points.map((p) => p.respondent))];
  const min = o.range?.min ?? 0;
  const max = o.range?.max ?? Math.max(...o.points.map((p) => p.total ?? 0), 1);
  const bands = [...o.bands].sort((a, b) => a.min - b.min);
  // One date (or one day) alone: a month either side, so the axis does not repeat that day
  const times = o.points.filter((p) => p.total !== null).map((p) => Date.parse(p.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = last - first < 14 * DAY ? 30 * DAY : 0;
  const areas = bands.map((b, i) => [
    {
      yAxis: b.min,
      name: text(b.label),
      itemStyle: { color: bandColour(b.level, bands.length, o.higherIsBetter), opacity: 0.7 },
    },
    { yAxis: bands[i + 1]?.min ?? max },
  ]);
  return {
    animation: false,
    grid: { left: 44, right: 150, top: 16, bottom: 32 },
    tooltip: { trigger: "axis", valueFormatter: (v) => String(v) },
    legend: respondents.length > 1 ? { bottom: 0, data: respondents.map(respondentLabel) } : undefined,
    xAxis: {
      type: "time",
      min: pad ? first - pad : undefined,
      max: pad ? last + pad : undefined,
      minInterval: DAY,
      axisLabel: { formatter: (v: number) => formatDate(new Date(v).toISOString()), hideOverlap: true },
    },
    yAxis: {
      type: "value",
      min,
      max,
      axisLabel: { hideOverlap: true },
      splitLine: { lineStyle: { color: "#e9ecef" } },
    },
    series: respondents.map((r, i) => ({
      type: "line" as const,
      name: respondentLabel(r),
      data: o.points
        .filter((p) => p.respondent === r && p.total !== null)
        .map((p) => [p.date, p.total] as [string, number]),
      symbolSize: 8,
      lineStyle: { width: 2.5 },
      color: SERIES[i % SERIES.length],
      ...(i === 0 && areas.length
        ? {
            markArea: {
              silent: true,
              label: { position: "right", color: "#343a40", fontSize: 11 },
              data: areas as never,
            },
          }
        : {}),
    })),
  };
}
