import type { AnalysisChartOption } from "../../app/ui/echarts-setup.ts";
import type { AnalysisResult } from "./types.ts";

/**
 * The chart of an analysis, by group (suppressed rows left out): a box plot of a numeric outcome
 * (whiskers at min and max, or at the quartiles when they are hidden), of each member of a pair
 * side by side, or stacked bars of the categories' shares.
 */
export function chartOption(
  r: AnalysisResult,
  labels: {
    group: (k: string | null) => string;
    category: (v: string) => string;
    first: string;
    second: string;
  },
): AnalysisChartOption {
  const rows = r.rows.filter((x) => !x.suppressed && x.n);
  const names = rows.map((x) => labels.group(x.key));
  const base = {
    animation: false,
    grid: { left: 56, right: 16, top: 36, bottom: 32 },
    tooltip: { trigger: "item" as const },
    xAxis: { type: "category" as const, data: names },
    yAxis: { type: "value" as const },
  };
  if (r.outcomeKind === "categorical") {
    const cats = rows[0]?.categories?.map((c) => c.value) ?? [];
    return {
      ...base,
      legend: { top: 0 },
      yAxis: { type: "value", max: 100 },
      series: cats.map((c) => ({
        type: "bar",
        stack: "share",
        name: labels.category(c),
        data: rows.map((x) => Math.round((x.categories?.find((k) => k.value === c)?.percent ?? 0) * 10) / 10),
      })),
    };
  }
  const box = (s: AnalysisResult["rows"][number]["summary"]) =>
    s && s.median !== null ? [s.min ?? s.q1!, s.q1!, s.median, s.q3!, s.max ?? s.q3!] : [];
  if (r.outcomeKind === "pair")
    return {
      ...base,
      legend: { top: 0 },
      series: [
        {
          type: "boxplot",
          name: labels.first,
          data: rows.map((x) => box(x.summary)),
          itemStyle: { color: "#e7f5ff", borderColor: "#1c7ed6" },
        },
        {
          type: "boxplot",
          name: labels.second,
          data: rows.map((x) => box(x.second)),
          itemStyle: { color: "#fff4e6", borderColor: "#e8590c" },
        },
      ],
    };
  return {
    ...base,
    series: [
      {
        type: "boxplot",
        data: rows.map((x) => box(x.summary)),
        itemStyle: { color: "#e7f5ff", borderColor: "#1c7ed6" },
      },
    ],
  };
}
