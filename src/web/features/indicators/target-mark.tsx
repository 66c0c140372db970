import { Text, Tooltip } from "@mantine/core";
import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "./format.ts";
import type { DashboardModel } from "./model.ts";
import type { IndicatorMeta } from "./types.ts";

/**
 * Beside a value in a table: whether the row meets its own target (a site's, or the programme's on
 * the programme row), as an icon with the words and the target for screen readers and on hover.
 * Nothing when the row has no target or nothing to judge (no data, a withheld value).
 */
export function TargetMark({
  model,
  meta,
  site,
}: {
  model: DashboardModel;
  meta: IndicatorMeta;
  site: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { target, status } = model.target(meta.id, site);
  if (!target || status === "none") return null;
  const words = `${t(`dashboard.status.${status}`)} (${t("dashboard.target")} ${f.target(meta.kind, target)})`;
  const Icon = status === "met" ? IconCircleCheck : IconCircleX;
  return (
    <Tooltip label={words} withArrow>
      <Text
        span
        ml={4}
        c={status === "met" ? "teal.8" : "red.8"}
        data-status={status}
        style={{ verticalAlign: "-2px" }}
      >
        <Icon size={14} aria-hidden="true" />
        <span className="visually-hidden">{words}</span>
      </Text>
    </Tooltip>
  );
}
