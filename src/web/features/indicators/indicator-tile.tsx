import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDashboardHref } from "./as-of.ts";
import { cellState, useFormat } from "./format.ts";
import { useIndicatorText } from "./labels.ts";
import { type DashboardModel, sitesAtTarget } from "./model.ts";
import { Sparkline } from "./sparkline.tsx";
import { StatusBadge } from "./status-badge.tsx";
import type { IndicatorMeta } from "./types.ts";

/**
 * A headline tile: the programme's value, its numerator/denominator, the programme's target and
 * whether it is met in the indicator's direction, how many sites meet their own targets, and the
 * monthly trend.
 */
export function IndicatorTile({
  meta,
  model,
  programmeId,
  asOf,
}: {
  meta: IndicatorMeta;
  model: DashboardModel;
  programmeId: number;
  asOf: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useDashboardHref();
  const { label } = useIndicatorText();
  const name = label(meta);
  const cell = model.cell(meta.id, null);
  const perSite = sitesAtTarget(model, meta);
  const { target: programmeTarget, status } = model.target(meta.id, null);
  const fraction = f.fraction(cell);
  const titleId = `tile-${meta.id}`;
  const target = programmeTarget
    ? `${t("dashboard.targetValue", { value: f.target(meta.kind, programmeTarget) })}${
        meta.targetSource === "sites" ? ` ${t("dashboard.targetSum")}` : ""
      }`
    : perSite
      ? t("dashboard.targetSitesOnly")
      : t("dashboard.noTarget");
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-indicator={meta.id}>
      <Stack gap={6}>
        <Anchor
          id={titleId}
          component={Link}
          to={href(`/charts/${meta.id}`)}
          fw={600}
          size="sm"
          c="var(--mantine-color-text)"
          lineClamp={2}
        >
          {name}
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
          <div>
            <Text
              fz={30}
              fw={700}
              lh={1.1}
              c={cellState(cell) === "value" ? undefined : "dimmed"}
              fs={cellState(cell) === "noData" ? "italic" : undefined}
              data-testid="tile-value"
            >
              {f.value(meta.kind, cell)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="tile-fraction" mih={20}>
              {fraction ?? "\u00a0"}
            </Text>
          </div>
          <Sparkline programmeId={programmeId} indicatorId={meta.id} to={asOf} name={name} />
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed" data-testid="tile-target">
            {target}
          </Text>
          {programmeTarget && <StatusBadge status={status} />}
        </Group>
        {perSite && (
          <Group gap="xs">
            <StatusBadge
              status={perSite.met === perSite.total ? "met" : "notMet"}
              label={t("dashboard.sitesAtTarget", { count: perSite.met, total: perSite.total })}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
