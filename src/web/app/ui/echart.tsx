import { type ECElementEvent, type EChartsType, init } from "echarts/core";
import { useEffect, useRef } from "react";
import type { ChartOption } from "./echarts-setup.ts";

/**
 * One Apache ECharts chart (canvas), sized by its box and resized with it. The canvas is an
 * image to assistive technologies: `label` names it, and every chart of the dashboard has a
 * data table beside it with the same numbers.
 */
export function EChart({
  option,
  height,
  label,
  onItemClick,
}: {
  option: ChartOption;
  height: number;
  label: string;
  onItemClick?: (e: ECElementEvent) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: "canvas" });
    chart.current = c;
    c.on("click", (e) => click.current?.(e as ECElementEvent));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ width: "100%", height, cursor: onItemClick ? "pointer" : undefined }}
    />
  );
}
