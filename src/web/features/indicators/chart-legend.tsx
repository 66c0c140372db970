import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { COLORS } from "./colors.ts";

function Swatch({
  color,
  hatched,
  dashed,
  dash,
}: {
  color: string;
  hatched?: boolean;
  dashed?: boolean;
  dash?: boolean;
}) {
  if (dash) {
    return (
      <svg width={22} height={10} aria-hidden="true">
        <rect x={3} y={4} width={16} height={3} fill={color} />
      </svg>
    );
  }
  if (dashed) {
    return (
      <svg width={22} height={10} aria-hidden="true">
        <line x1={0} x2={22} y1={5} y2={5} stroke={color} strokeWidth={2} strokeDasharray="5 3" />
      </svg>
    );
  }
  return (
    <span
      aria-hidden="true"
      style={{
        display: "inline-block",
        width: 14,
        height: 12,
        background: hatched
          ? `repeating-linear-gradient(-45deg, ${color} 0 3px, rgba(255,255,255,0.7) 3px 5px)`
          : color,
        borderRadius: 2,
      }}
    />
  );
}

/** What the colours and marks of the bar charts mean (shown, not only in the chart). */
export function ChartLegend({
  siteLabel,
  withProgramme,
  withTarget,
  siteTargets = false,
  smallThreshold,
}: {
  siteLabel: string;
  withProgramme: boolean;
  withTarget: boolean;
  /** Each bar's own target drawn as a dash over it. */
  siteTargets?: boolean;
  smallThreshold: number;
}) {
  const { t } = useTranslation();
  const item = (swatch: React.ReactNode, text: string) => (
    <Group gap={6} wrap="nowrap">
      {swatch}
      <Text size="xs">{text}</Text>
    </Group>
  );
  return (
    <Group gap="lg" wrap="wrap" aria-hidden="true">
      {item(<Swatch color={COLORS.site} />, siteLabel)}
      {withProgramme && item(<Swatch color={COLORS.programme} />, t("dashboard.programmeRow"))}
      {withTarget && item(<Swatch color={COLORS.target} dashed />, t("dashboard.target"))}
      {siteTargets && item(<Swatch color={COLORS.target} dash />, t("dashboard.siteTargets"))}
      {item(
        <Swatch color={COLORS.small} hatched />,
        t("dashboard.smallSiteLegend", { threshold: smallThreshold }),
      )}
    </Group>
  );
}
