import { Skeleton, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSeries } from "./api.ts";
import { COLORS } from "./colors.ts";
import { useFormat } from "./format.ts";

const W = 140;
const H = 40;
const PAD = 3;

/**
 * The programme's monthly values as a small line (a plain SVG: many tiles, no chart engine
 * each). Months without data leave a gap; the last point is marked.
 */
export function Sparkline({
  programmeId,
  indicatorId,
  to,
  name,
}: {
  programmeId: number;
  indicatorId: string;
  to: string;
  name: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const series = useSeries(programmeId, indicatorId, to);
  if (series.isPending) return <Skeleton w={W} h={H} aria-hidden="true" />;
  const points = series.data?.series.find((s) => s.site === null)?.points ?? [];
  const values = points.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  if (!series.data || known.length === 0) {
    return (
      <Text size="xs" c="dimmed" w={W}>
        {t("dashboard.overview.trendEmpty")}
      </Text>
    );
  }
  const min = Math.min(0, ...known);
  const max = Math.max(...known, min + 1e-9);
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / Math.max(1, values.length - 1);
  const y = (v: number) => H - PAD - ((v - min) * (H - 2 * PAD)) / (max - min);
  const segments: string[] = [];
  let current = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = "";
    } else current += `${current ? " L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const last = values[lastIndex];
  const label = t("dashboard.overview.trend", {
    name,
    from: f.date(series.data.from, "month"),
    to: f.date(series.data.to, "month"),
  });
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke={COLORS.grid} strokeWidth={1} />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke={COLORS.site} strokeWidth={1.8} strokeLinejoin="round" />
      ))}
      {last !== null && last !== undefined && (
        <circle cx={x(lastIndex)} cy={y(last)} r={2.8} fill={COLORS.programme} />
      )}
    </svg>
  );
}
