import type { MeasuresChartOption } from "../../../app/ui/echarts-setup.ts";
import type { FunnelCounts } from "../types.ts";

export interface FunnelLabels {
  professionals: string;
  trained: string;
  trainedInTeam: string;
  delivering: string;
}

/** The training-to-practice funnel of one site (or the programme): professionals → trained → in the team → delivering. */
export function funnelOption(c: FunnelCounts, labels: FunnelLabels): MeasuresChartOption {
  const steps = [
    { name: labels.professionals, value: c.professionals, color: "#adb5bd" },
    { name: labels.trained, value: c.trained, color: "#4c6ef5" },
    { name: labels.trainedInTeam, value: c.trainedInTeam, color: "#1098ad" },
    { name: labels.delivering, value: c.delivering, color: "#2f9e44" },
  ];
  const top = Math.max(c.professionals ?? 0, 1);
  return {
    animation: false,
    tooltip: { trigger: "item", formatter: "{b}: {c}" },
    series: [
      {
        type: "funnel",
        left: "10%",
        width: "80%",
        top: 8,
        bottom: 8,
        min: 0,
        max: top,
        minSize: "8%",
        sort: "none",
        gap: 3,
        label: {
          show: true,
          position: "inside",
          color: "#fff",
          fontWeight: "bold",
          formatter: (p: unknown) => {
            const { name, value } = p as { name: string; value: number | null };
            return `${name}: ${value ?? "—"}`;
          },
        },
        data: steps.map((s) => ({ name: s.name, value: s.value ?? 0, itemStyle: { color: s.color } })),
      },
    ],
  };
}
