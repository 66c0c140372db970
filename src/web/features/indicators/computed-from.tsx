import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconBolt, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { IndicatorMeta } from "./types.ts";

export type ComputedFrom = IndicatorMeta["computedFrom"];

/**
 * How the server computes an indicator, as the API says (`meta.computedFrom`): "Live from facts"
 * (the facts every write keeps up to date) or "Recomputed" (from the records, cached until the
 * data change). Words and an icon, not colour alone.
 */
export function ComputedFromBadge({ value }: { value: ComputedFrom }) {
  const { t } = useTranslation();
  const Icon = value === "facts" ? IconBolt : IconRefresh;
  return (
    <Badge
      variant="light"
      color={value === "facts" ? "teal" : "gray"}
      tt="none"
      data-computed-from={value}
      // A badge's label is cut with an ellipsis when its column is narrow: keep it whole.
      miw="max-content"
      leftSection={<Icon size={12} aria-hidden="true" />}
    >
      {t(`dashboard.computedFrom.${value}`)}
    </Badge>
  );
}

/** What the two badges mean: the help text under a list of indicators. */
export function ComputedFromLegend() {
  const { t } = useTranslation();
  return (
    <Stack gap={6} component="section" aria-label={t("dashboard.computedFrom.legend")}>
      {(["facts", "records"] as const).map((v) => (
        <Group key={v} gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ flex: "none" }}>
            <ComputedFromBadge value={v} />
          </div>
          <Text size="sm" c="dimmed">
            {t(`dashboard.computedFrom.${v}Hint`)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
