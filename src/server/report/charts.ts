import * as echarts from "echarts";

/**
 * The report's figures, drawn on the server with ECharts' server-side SVG renderer (no browser,
 * no screenshot): each function takes the figures and returns one <svg> string. Withheld values
 * (null) are drawn as gaps.
 */

const WIDTH = 680;
const FONT = { fontFamily: "DejaVu Sans, Arial, sans-serif", fontSize: 11 };
const PALETTE = ["#1c7ed6", "#f08c00", "#2f9e44", "#ae3ec9", "#e03131", "#0c8599"];

function render(height: number, option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const percentAxis = { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } };

/** One bar per category (sites), a target drawn as a mark on each bar when given. */
export function barsChart(input: {
  categories: string[];
  values: Array<number | null>;
  percent?: boolean;
  targets?: Array<number | null>;
  targetName?: string;
}): string {
  const scale = (v: number | null) => (v === null ? null : input.percent ? Math.round(v * 1000) / 10 : v);
  const series: object[] = [
    {
      type: "bar",
      data: input.values.map(scale),
      barMaxWidth: 28,
      label: { show: true, position: "top", fontSize: 9 },
    },
  ];
  if (input.targets?.some((t) => t !== null)) {
    series.push({
      type: "scatter",
      name: input.targetName,
      symbol: "rect",
      symbolSize: [22, 3],
      itemStyle: { color: "#c92a2a" },
      data: input.targets.map(scale),
    });
  }
  return render(240, {
    grid: { left: 44, right: 12, top: 24, bottom: 56 },
    xAxis: {
      type: "category",
      data: input.categories,
      axisLabel: { rotate: input.categories.length > 8 ? 40 : 0, interval: 0 },
    },
    yAxis: input.percent ? percentAxis : { type: "value", minInterval: 1 },
    legend: input.targets?.some((t) => t !== null)
      ? { data: [input.targetName], top: 0, right: 0 }
      : undefined,
    series,
  });
}

/** Several series side by side per category. */
export function groupedBarsChart(input: {
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  percent?: boolean;
}): string {
  const scale = (v: number | null) => (v === null ? null : input.percent ? Math.round(v * 1000) / 10 : v);
  return render(260, {
    grid: { left: 44, right: 12, top: 36, bottom: 56 },
    legend: { top: 0, data: input.series.map((s) => s.name) },
    xAxis: {
      type: "category",
      data: input.categories,
      axisLabel: { rotate: input.categories.length > 8 ? 40 : 0, interval: 0 },
    },
    yAxis: input.percent ? percentAxis : { type: "value", minInterval: 1 },
    series: input.series.map((s) => ({
      type: "bar",
      name: s.name,
      data: s.values.map(scale),
      barMaxWidth: 18,
    })),
  });
}

/** A line over months. */
export function lineChart(input: {
  categories: string[];
  values: Array<number | null>;
  name: string;
}): string {
  return render(220, {
    grid: { left: 44, right: 16, top: 24, bottom: 32 },
    xAxis: { type: "category", data: input.categories },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "line", name: input.name, data: input.values, connectNulls: false, symbolSize: 5 }],
  });
}

/** A funnel drawn as horizontal bars, widest first. */
export function funnelChart(input: { stages: Array<{ name: string; value: number | null }> }): string {
  return render(40 + input.stages.length * 34, {
    grid: { left: 150, right: 40, top: 8, bottom: 20 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: input.stages.map((s) => s.name) },
    series: [
      {
        type: "bar",
        data: input.stages.map((s) => s.value),
        barMaxWidth: 22,
        label: { show: true, position: "right", fontSize: 10 },
      },
    ],
  });
}

/**
 * The region's areas as a map (ECharts' map series on the uploaded GeoJSON, registered under
 * `mapName`), each area coloured by its value on a 0–`max` scale (null: grey, no figure), with a
 * legend (the colour scale and its title) and, in each area, its name and its sites' names.
 */
export function regionMap(input: {
  mapName: string;
  geoJson: object;
  /** The feature property holding the area code. */
  property: string;
  areas: Array<{ code: string; name: string; value: number | null; sites: string[] }>;
  max: number;
  legendTitle: string;
  noValue: string;
}): string {
  // biome-ignore lint/suspicious/noExplicitAny: ECharts types GeoJSON loosely; the file was checked (structure/boundaries.ts)
  echarts.registerMap(input.mapName, input.geoJson as any);
  const byCode = new Map(input.areas.map((a) => [a.code, a]));
  return render(460, {
    title: { text: input.legendTitle, left: 0, top: 0, textStyle: { fontSize: 11, fontWeight: "normal" } },
    visualMap: {
      type: "continuous",
      min: 0,
      max: input.max,
      left: 0,
      bottom: 8,
      calculable: false,
      text: [`${input.max}%`, "0%"],
      inRange: { color: ["#fff4e6", "#ffa94d", "#2f9e44"] },
      outOfRange: { color: "#dee2e6" },
    },
    series: [
      {
        type: "map",
        map: input.mapName,
        nameProperty: input.property,
        top: 28,
        bottom: 8,
        left: 90,
        right: 8,
        roam: false,
        itemStyle: { areaColor: "#dee2e6", borderColor: "#495057", borderWidth: 0.8 },
        label: {
          show: true,
          fontSize: 9,
          color: "#1a1a1a",
          formatter: (p: { name: string }) => {
            const a = byCode.get(p.name);
            if (!a) return p.name;
            const figure = a.value === null ? input.noValue : `${Math.round(a.value)}%`;
            return [`${a.name} (${figure})`, ...a.sites].join("\n");
          },
        },
        data: input.areas.map((a) => ({
          name: a.code,
          value: a.value === null ? null : Math.min(a.value, input.max),
          ...(a.value === null ? { itemStyle: { areaColor: "#dee2e6" } } : {}),
        })),
      },
    ],
  });
}
