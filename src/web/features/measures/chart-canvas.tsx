import "./echarts-setup.ts";
import { EChart } from "../dashboard/echart.tsx";
import type { ChartOption } from "../dashboard/echarts-setup.ts";
import type { MeasuresChartOption } from "./echarts-setup.ts";

/**
 * The canvas of a measures chart, drawn by the dashboard's ECharts wrapper. The wrapper's option
 * type knows the dashboard's charts only; `echarts-setup.ts` registers the radar, heat map,
 * funnel and mark areas, so the wider option is handed over as it is.
 */
export default function MeasuresChartCanvas({
  option,
  height,
  label,
}: {
  option: MeasuresChartOption;
  height: number;
  label: string;
}) {
  return <EChart option={option as ChartOption} height={height} label={label} />;
}
