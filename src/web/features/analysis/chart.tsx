import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { AnalysisChartOption } from "../../app/ui/echarts-setup.ts";

/** ECharts arrives in its own chunk with the first chart; the table beside it has the same numbers. */
const Canvas = lazy(() => import("./chart-canvas.tsx"));

export function AnalysisChart({ option, label }: { option: AnalysisChartOption; label: string }) {
  return (
    <Suspense fallback={<Skeleton height={280} aria-hidden="true" />}>
      <Canvas option={option} height={280} label={label} />
    </Suspense>
  );
}
