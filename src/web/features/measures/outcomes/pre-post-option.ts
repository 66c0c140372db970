import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import type { ProgrammeOutcomes } from "../types.ts";

/** Baseline and latest mean per site (and the programme), two bars each; small cells are left out. */
export function prePostOption(
  o: ProgrammeOutcomes,
  labels: { baseline: string; latest: string; programme: string },
): MeasuresChartOption {
  const rows = [
    ...o.sites.filter((s) => !s.suppressed && s.n).map((s) => ({ name: s.siteCode, r: s })),
    ...(o.programme.n && !o.programme.suppressed ? [{ name: labels.programme, r: o.programme }] : []),
  ];
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    legend: { top: 0, data: [labels.baseline, labels.latest] },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: rows.map((x) => x.name) },
    yAxis: { type: "value" },
    series: [
      {
        type: "bar",
        name: labels.baseline,
        data: rows.map((x) => x.r.baselineMean),
        color: "#adb5bd",
        barMaxWidth: 48,
      },
      {
        type: "bar",
        name: labels.latest,
        data: rows.map((x) => x.r.latestMean),
        color: "#3b5bdb",
        barMaxWidth: 48,
      },
    ],
  };
}
