import { EChart } from "../dashboard/echart.tsx";
import type { ChartOption } from "../dashboard/echarts-setup.ts";
import type { MeasuresChartOption } from "./echarts-setup.ts";

/**
 * A measures chart drawn by the dashboard's ECharts wrapper (canvas, resized with its box). The
 * wrapper's option type knows the dashboard's charts only; `echarts-setup.ts` here registers the
 * radar, heat map, funnel and mark areas, so the wider option is handed over as it is. Every
 * chart has a table beside it with the same numbers.
 */
export function MeasuresChart({
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
