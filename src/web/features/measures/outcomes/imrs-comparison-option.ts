import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import type { ImrsPair } from "../types.ts";

/** Client and clinician IMRS item by item for one pair: two bars per item (1–5). */
export function imrsItemsOption(
  pair: ImrsPair,
  labels: { client: string; clinician: string },
): MeasuresChartOption {
  const items = pair.items ?? [];
  return {
    animation: false,
    grid: { left: 150, right: 16, top: 28, bottom: 24 },
    legend: { top: 0, data: [labels.client, labels.clinician] },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", min: 0, max: 5, interval: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: items.map((i) => `${i.id}. ${i.topic}`),
      axisLabel: { width: 140, overflow: "truncate" },
    },
    series: [
      { type: "bar", name: labels.client, data: items.map((i) => i.client), color: "#3b5bdb", barGap: "10%" },
      { type: "bar", name: labels.clinician, data: items.map((i) => i.clinician), color: "#e8590c" },
    ],
  };
}
