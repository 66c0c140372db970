import { Anchor, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useFormat, useIndicatorText } from "../indicators/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** Viewers: each programme's figures against its targets, for the whole programme only. */
export function AggregatesSection({ programmes }: { programmes: Home["aggregates"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { label } = useIndicatorText();
  return (
    <HomeSection id="home-aggregates" title={t("home.aggregates.title")} hint={t("home.aggregates.hint")}>
      {programmes.length === 0 && <Text c="dimmed">{t("home.aggregates.noProgrammes")}</Text>}
      {programmes.map((p) => (
        <Stack gap="xs" key={p.programmeId}>
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5">
              {p.programmeCode} — {p.programmeName}
            </Title>
            <Anchor component={Link} to={`/programmes/${p.programmeId}/dashboard`} size="sm">
              {t("home.aggregates.open", { programme: p.programmeCode })}
            </Anchor>
          </Group>
          <DataTable
            caption={t("home.aggregates.caption", { programme: p.programmeCode })}
            minWidth={520}
            head={[
              t("home.targets.indicator"),
              t("home.aggregates.value"),
              t("home.targets.target"),
              t("home.aggregates.sitesAtTarget"),
            ]}
            rowCount={p.indicators.length}
            empty={t("home.aggregates.none")}
          >
            {p.indicators.map((i) => (
              <Table.Tr key={i.indicatorId}>
                <Table.Td>{label({ id: i.indicatorId, label: i.label, builtIn: i.builtIn })}</Table.Td>
                <Table.Td>{f.value(i.kind, i)}</Table.Td>
                <Table.Td>{i.target === null ? "—" : f.number(i.kind, i.target)}</Table.Td>
                <Table.Td>
                  {t("home.aggregates.sitesValue", { meeting: i.sitesMeeting, judged: i.sitesJudged })}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      ))}
    </HomeSection>
  );
}
