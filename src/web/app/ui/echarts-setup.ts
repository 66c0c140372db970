import {
  BarChart,
  type BarSeriesOption,
  BoxplotChart,
  type BoxplotSeriesOption,
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
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

/**
 * The parts of Apache ECharts the app uses, registered once (registration is global, so `EChart`
 * draws them all). The dashboard's: bars and lines, axes, tooltips, legends, titles, target lines
 * (markLine), and both renderers — canvas on screen and for PNG, SVG for the vector download. The
 * measures pages': scores over time with severity bands (markArea), the fidelity radar and heat
 * map (visualMap), and the training funnel. The analysis page's: box plots by group.
 */
use([
  BarChart,
  BoxplotChart,
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
  TitleComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The options of the dashboard's charts (what `EChart` takes). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
>;
export type { BarSeriesOption, LineSeriesOption };

/** The options of the analysis page's charts: box plots and bars by group. */
export type AnalysisChartOption = ComposeOption<
  BoxplotSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** The options of the measures pages' charts: the dashboard's kinds and the radar, heat map and funnel. */
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
