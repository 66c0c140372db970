import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CellValue } from "./cell-value.tsx";
import { useFormat } from "./format.ts";
import type { DashboardModel } from "./model.ts";
import type { IndicatorMeta } from "./types.ts";

/** What an indicator is: its kind, direction, target and the value for all sites together. */
export function IndicatorFacts({ model, meta }: { model: DashboardModel; meta: IndicatorMeta }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="outline" color="gray.7" tt="none">
        {t(`dashboard.kind.${meta.kind}`)}
      </Badge>
      <Badge variant="outline" color="gray.7" tt="none">
        {t(`dashboard.direction.${meta.direction ?? "none"}`)}
      </Badge>
      <Badge variant="light" color={meta.target === null ? "gray" : "red"} tt="none">
        {meta.target === null
          ? meta.siteTargets.length
            ? t("dashboard.targetSitesOnly")
            : t("dashboard.noTarget")
          : `${t("dashboard.targetValue", { value: f.target(meta.kind, { value: meta.target, direction: meta.direction }) })}${
              meta.targetSource === "sites" ? ` ${t("dashboard.targetSum")}` : ""
            }`}
      </Badge>
      <Text size="sm" component="span">
        {t("dashboard.programmeRow")}: <CellValue kind={meta.kind} cell={model.cell(meta.id, null)} />
      </Text>
    </Group>
  );
}
