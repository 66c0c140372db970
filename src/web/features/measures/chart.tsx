import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { MeasuresChartProps } from "./chart-canvas.tsx";

/** Apache ECharts comes in its own chunk, fetched with the first chart a page draws. */
const MeasuresChartCanvas = lazy(() => import("./chart-canvas.tsx"));

/**
 * A measures chart (canvas, resized with its box). Every chart has a table beside it with the
 * same numbers, so the page is usable before — and without — the chart.
 */
export function MeasuresChart({ option, height, label }: MeasuresChartProps) {
  return (
    <Suspense fallback={<Skeleton height={height} aria-hidden="true" />}>
      <MeasuresChartCanvas option={option} height={height} label={label} />
    </Suspense>
  );
}
