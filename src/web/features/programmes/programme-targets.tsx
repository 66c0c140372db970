import { Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Loading } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import type { Programme } from "../../app/types.ts";
import { useIndicatorText } from "../indicators/public.ts";
import { useIndicatorChoices } from "./indicator-choices.ts";

/** The targets set on the programme's indicators, as the programme page lists them. */
export function ProgrammeTargets({ programme: p }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const { label } = useIndicatorText();
  const indicators = useIndicatorChoices(p.id);
  const byId = new Map((indicators.data ?? []).map((i) => [i.id, i]));
  const site = (id: number | null) =>
    id === null
      ? t("programmeTargets.wholeProgramme")
      : (p.sites.find((s) => s.siteId === id)?.code ?? String(id));
  const value = (indicatorId: string, v: number) =>
    byId.get(indicatorId)?.kind === "ratio"
      ? new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 }).format(v)
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="programme-targets-title">
      <Title id="programme-targets-title" order={2} size="h4" mb="sm">
        {t("programmeTargets.listTitle")}
      </Title>
      {p.targets.length > 0 && !indicators.data ? (
        // the indicators' names and kinds say how to read each target
        <Loading />
      ) : p.targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("programmeTargets.none")}
        </Text>
      ) : (
        <DataTable
          caption={t("programmeTargets.listTitle")}
          head={[
            t("programmeTargets.indicator"),
            t("programmeTargets.site"),
            t("programmeTargets.value"),
            t("programmeTargets.direction"),
          ]}
          rowCount={p.targets.length}
          empty=""
        >
          {p.targets.map((x) => {
            const choice = byId.get(x.indicatorId);
            return (
              <Table.Tr key={`${x.indicatorId}|${x.siteId ?? ""}`}>
                <Table.Td>
                  {choice
                    ? label({ id: choice.id, label: choice.label, builtIn: choice.builtIn })
                    : x.indicatorId}
                </Table.Td>
                <Table.Td>{site(x.siteId)}</Table.Td>
                <Table.Td>{value(x.indicatorId, x.value)}</Table.Td>
                <Table.Td>
                  {x.direction === "higher_is_better"
                    ? t("programmeTargets.higher")
                    : t("programmeTargets.lower")}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Paper>
  );
}
