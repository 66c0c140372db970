import "../../app/ui/echarts-setup.ts";
import { EChart } from "../../app/ui/echart.tsx";
import type { AnalysisChartOption, ChartOption } from "../../app/ui/echarts-setup.ts";

/** The analysis chart, drawn by the app's ECharts wrapper (box plots are registered in echarts-setup.ts). */
export default function AnalysisChartCanvas({
  option,
  height,
  label,
}: {
  option: AnalysisChartOption;
  height: number;
  label: string;
}) {
  return <EChart option={option as ChartOption} height={height} label={label} />;
}
