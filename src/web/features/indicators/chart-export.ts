import { init } from "echarts/core";
import type { ChartOption } from "../../app/ui/echarts-setup.ts";

/** The size of a downloaded chart, in CSS pixels (PNG at twice the resolution). */
const WIDTH = 1400;
const HEIGHT = 700;

/** The chart as it is downloaded: a title on top, no animation, on white. */
function forExport(option: ChartOption, title: string, subtitle: string): ChartOption {
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {};
  return {
    ...option,
    animation: false,
    backgroundColor: "#ffffff",
    title: { text: title, subtext: subtitle, left: "center", top: 8 },
    grid: { ...grid, top: 90, bottom: (typeof grid.bottom === "number" ? grid.bottom : 56) + 24 },
  };
}

/** A PNG (data URL), drawn on a canvas the page never shows. */
export function chartPng(option: ChartOption, title: string, subtitle: string): string {
  const el = document.createElement("div");
  const chart = init(el, undefined, {
    renderer: "canvas",
    width: WIDTH,
    height: HEIGHT,
    devicePixelRatio: 2,
  });
  try {
    chart.setOption(forExport(option, title, subtitle));
    return chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
  } finally {
    chart.dispose();
  }
}

/** An SVG document, rendered by ECharts' SVG renderer (no DOM needed). */
export function chartSvg(option: ChartOption, title: string, subtitle: string): Blob {
  const chart = init(null, undefined, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(forExport(option, title, subtitle));
    return new Blob([chart.renderToSVGString()], { type: "image/svg+xml" });
  } finally {
    chart.dispose();
  }
}
