import { Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { cellState, useFormat } from "./format.ts";
import type { Cell, IndicatorMeta } from "./types.ts";

/**
 * A cell as the dashboard shows it: the value with its numerator/denominator, "<5" for a cell
 * the server suppressed, "no data" (never 0) when there is no one to count, and a mark for small
 * sites. Nothing is derived here: the server decides what is suppressed.
 */
export function CellValue({
  kind,
  cell,
  withFraction = true,
}: {
  kind: IndicatorMeta["kind"];
  cell: Cell;
  withFraction?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = cellState(cell);
  const fraction = withFraction ? f.fraction(cell) : null;
  if (state === "suppressed") {
    return (
      <Tooltip label={t("dashboard.suppressedLong")} withArrow>
        <Text span size="sm" fw={600} c="dimmed" data-state="suppressed">
          {t("dashboard.suppressed")}
          <span className="visually-hidden"> ({t("dashboard.suppressedLong")})</span>
        </Text>
      </Tooltip>
    );
  }
  if (state === "noData") {
    return (
      <Text span size="sm" fs="italic" c="dimmed" data-state="no-data">
        {t("dashboard.noData")}
      </Text>
    );
  }
  return (
    <Text span size="sm" data-state="value">
      <Text span size="sm" fw={600}>
        {f.value(kind, cell)}
      </Text>
      {fraction && (
        <Text span size="xs" c="dimmed" ml={6}>
          {fraction}
        </Text>
      )}
      {cell.smallSite && <SmallMark />}
    </Text>
  );
}

/** The small-site mark: an asterisk, explained to screen readers and in the legend. */
export function SmallMark() {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="indigo.8" fw={700} ml={2} title={t("dashboard.smallSite")}>
      <span aria-hidden="true">{t("dashboard.smallSiteMark")}</span>
      <span className="visually-hidden"> ({t("dashboard.smallSite")})</span>
    </Text>
  );
}
