import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import { SERIES } from "../chart-palette.ts";
import type { FidelityScale, ReviewSummary } from "../types.ts";

/** Overall and level scores of a site's reviews of one scale over time. */
export function reviewHistoryOption(
  reviews: ReviewSummary[],
  scale: FidelityScale,
  labels: { overall: string; level: (l: string) => string },
): MeasuresChartOption {
  const ordered = [...reviews].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
  const levelSeries = scale.levels.length > 1 ? scale.levels : [];
  const series = [
    { name: labels.overall, values: ordered.map((r) => [r.reviewDate, r.overall.score]) },
    ...levelSeries.map((l) => ({
      name: labels.level(l),
      values: ordered.map((r) => [r.reviewDate, r.levels.find((x) => x.level === l)?.score ?? null]),
    })),
  ];
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 16, bottom: series.length > 1 ? 48 : 28 },
    tooltip: { trigger: "axis" },
    legend: series.length > 1 ? { bottom: 0 } : undefined,
    xAxis: { type: "time" },
    yAxis: { type: "value", min: scale.range.min, max: scale.range.max, interval: 1 },
    series: series.map((s, i) => ({
      type: "line" as const,
      name: s.name,
      data: s.values as [string, number | null][],
      symbolSize: 8,
      lineStyle: { width: i === 0 ? 3 : 1.5 },
      color: SERIES[i % SERIES.length],
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed" as const, color: "#868e96" },
              data: scale.cutoffs
                .filter((c) => c.min > scale.range.min)
                .map((c) => ({ yAxis: c.min, name: c.label })),
              label: { formatter: "{b}", position: "insideEndTop" as const, fontSize: 10 },
            },
          }
        : {}),
    })),
  };
}
