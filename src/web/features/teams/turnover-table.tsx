import { Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useStaffTurnover } from "../../app/data/teams.ts";
import { ErrorAlert, Loading } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";

/** The columns, as keys `teams.turnover…`. */
const TURNOVER_HEADS = ["Year", "Start", "Joiners", "Leavers", "End", "Rate"] as const;

/**
 * The site's staff turnover per year from the team's history (the days professionals joined and
 * left): what the Lombardy report names when a programme stopped "for high turnover of personnel".
 */
export function TurnoverTable({ siteId }: { siteId: number }) {
  const { t, i18n } = useTranslation();
  const turnover = useStaffTurnover(siteId);
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  if (turnover.isPending) return <Loading />;
  if (turnover.error) return <ErrorAlert error={turnover.error} />;
  const { years, unknownJoined, asOf } = turnover.data;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("teams.turnoverTitle")}
      </Title>
      <DataTable
        caption={t("teams.turnoverCaption")}
        head={TURNOVER_HEADS.map((k) => t(`teams.turnover${k}`))}
        rowCount={years.length}
        empty=""
      >
        {years.map((y) => (
          <Table.Tr key={y.year}>
            <Table.Td>
              {y.to === asOf ? t("teams.turnoverYearToDate", { year: y.year, date: asOf }) : y.year}
            </Table.Td>
            <Table.Td>{y.startHeadcount}</Table.Td>
            <Table.Td>{y.joiners}</Table.Td>
            <Table.Td>{y.leavers}</Table.Td>
            <Table.Td>{y.endHeadcount}</Table.Td>
            <Table.Td>{y.turnover === null ? "—" : percent.format(y.turnover)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {unknownJoined > 0 && (
        <Text size="sm" c="dimmed">
          {t("teams.turnoverUnknown", { count: unknownJoined })}
        </Text>
      )}
    </Stack>
  );
}
