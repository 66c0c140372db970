import "../../../app/ui/echarts-setup.ts";
import { EChart } from "../../../app/ui/echart.tsx";
import type { ChartOption } from "../../../app/ui/echarts-setup.ts";

/** The RECO chart's canvas, in its own chunk with ECharts (fetched on the first visit). */
export default function RecoChartCanvas({ option, label }: { option: ChartOption; label: string }) {
  return <EChart option={option} height={280} label={label} />;
}
