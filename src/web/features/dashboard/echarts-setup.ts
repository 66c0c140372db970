import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

/**
 * The parts of Apache ECharts the dashboard uses, registered once: bars and lines, axes,
 * tooltips, legends, target lines (markLine), and both renderers — canvas on screen and for PNG,
 * SVG for the vector download.
 */
use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  CanvasRenderer,
  SVGRenderer,
]);

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

/** The dashboard's palette: sites, the programme, targets, and what is missing or small. */
export const COLORS = {
  site: "#3b5bdb",
  programme: "#e8590c",
  target: "#c92a2a",
  small: "#91a7ff",
  muted: "#868e96",
  text: "#343a40",
  grid: "#e9ecef",
  lines: ["#3b5bdb", "#0c8599", "#2f9e44", "#9c36b5", "#f08c00", "#1098ad", "#d6336c", "#5f3dc4"],
} as const;
