import "../../app/ui/echarts-setup.ts";
import { EChart } from "../../app/ui/echart.tsx";
import type { ChartOption, MeasuresChartOption } from "../../app/ui/echarts-setup.ts";

/** A measures chart: its option, its height in pixels, and the label that names it to screen readers. */
export interface MeasuresChartProps {
  option: MeasuresChartOption;
  height: number;
  label: string;
}

/**
 * The canvas of a measures chart, drawn by the app's ECharts wrapper (app/ui). The wrapper's option
 * type knows the dashboard's charts only; `echarts-setup.ts` registers the radar, heat map,
 * funnel and mark areas, so the wider option is handed over as it is.
 */
export default function MeasuresChartCanvas({ option, height, label }: MeasuresChartProps) {
  return <EChart option={option as ChartOption} height={height} label={label} />;
}
