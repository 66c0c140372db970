import {
  BarChart,
  type BarSeriesOption,
  FunnelChart,
  type FunnelSeriesOption,
  HeatmapChart,
  type HeatmapSeriesOption,
  LineChart,
  type LineSeriesOption,
  RadarChart,
  type RadarSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkAreaComponent,
  type MarkAreaComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  RadarComponent,
  type RadarComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

/**
 * The parts of Apache ECharts the measures pages add to the dashboard's: scores over time with
 * severity bands (markArea), the fidelity radar and heat map (visualMap), and the training
 * funnel. Registration is global, so the dashboard's `EChart` draws them.
 */
use([
  BarChart,
  LineChart,
  RadarChart,
  HeatmapChart,
  FunnelChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type MeasuresChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | HeatmapSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | VisualMapComponentOption
>;

/** Severity levels 0…5 from calm to alarming; recovery scales use them the other way round. */
export const BAND_COLOURS = ["#d3f9d8", "#fff3bf", "#ffe8cc", "#ffd8a8", "#ffc9c9", "#ffa8a8"] as const;
/** Stronger variants of the same, for badges and text on white. */
export const BAND_BADGES = ["green", "yellow", "orange", "orange", "red", "red"] as const;

export const SERIES = [
  "#3b5bdb",
  "#e8590c",
  "#2f9e44",
  "#9c36b5",
  "#0c8599",
  "#d6336c",
  "#5f3dc4",
  "#f08c00",
];
