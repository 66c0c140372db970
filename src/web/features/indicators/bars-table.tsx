import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import type { Bar } from "./bar-option.ts";
import { CellValue } from "./cell-value.tsx";
import { cellState, useFormat } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";
import type { IndicatorMeta } from "./types.ts";

/** The numbers behind a bar chart, as a table: the chart's accessible equivalent. */
export function BarsTable({
  meta,
  bars,
  caption,
  groupHeading,
  linkFor,
}: {
  meta: IndicatorMeta;
  bars: Bar[];
  caption: string;
  groupHeading: string;
  linkFor?: (bar: Bar) => string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const ratio = meta.kind === "ratio";
  const withTargets = bars.some((b) => b.target);
  const head = [groupHeading, t("dashboard.value")];
  if (ratio) head.push(t("dashboard.numerator"), t("dashboard.denominator"));
  if (withTargets) head.push(t("dashboard.target"), t("dashboard.againstTarget"));
  head.push(t("dashboard.notes"));
  const n = (v: number | null) => (v === null ? "—" : v);
  return (
    <DataTable
      caption={caption}
      head={head}
      rowCount={bars.length}
      empty={t("dashboard.noData")}
      minWidth={480}
    >
      {bars.map((b) => {
        const to = linkFor?.(b) ?? null;
        const state = cellState(b.cell);
        return (
          <Table.Tr key={b.key ?? "programme"} fw={b.programme ? 700 : undefined} data-key={b.key ?? ""}>
            <Table.Th scope="row" fw={b.programme ? 700 : 500}>
              {to ? (
                <Anchor
                  component={Link}
                  to={to}
                  size="sm"
                  title={t("dashboard.chart.openSite", { site: b.long })}
                >
                  {b.short}
                </Anchor>
              ) : (
                <Text span size="sm" fw="inherit">
                  {b.short}
                </Text>
              )}
              {b.long !== b.short && (
                <Text span size="xs" c="dimmed" ml={6} visibleFrom="sm">
                  {b.long}
                </Text>
              )}
            </Table.Th>
            <Table.Td>
              <CellValue kind={meta.kind} cell={b.cell} withFraction={false} />
            </Table.Td>
            {ratio && <Table.Td>{n(b.cell.numerator)}</Table.Td>}
            {ratio && <Table.Td>{n(b.cell.denominator)}</Table.Td>}
            {withTargets && <Table.Td>{b.target ? f.target(meta.kind, b.target) : "—"}</Table.Td>}
            {withTargets && <Table.Td>{b.target && <StatusBadge status={b.status ?? "none"} />}</Table.Td>}
            <Table.Td>
              <Text size="xs" c="dimmed">
                {[
                  state === "suppressed" ? t("dashboard.suppressedLong") : null,
                  state === "noData" ? t("dashboard.noDataLong") : null,
                  b.cell.smallSite ? t("dashboard.smallSite") : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
