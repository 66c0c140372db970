import { Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useImrsComparison } from "../api.ts";
import { MeasuresChart } from "../chart.tsx";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { ImrsComparison, ImrsPair } from "../types.ts";
import { imrsItemsOption } from "./imrs-comparison-option.ts";

/** The IMR Scale as the client and the clinician rated it, pair by pair (same timepoint, ≤ 30 days apart). */
export function ImrsComparisonView({ patientId }: { patientId: number }) {
  const comparison = useImrsComparison(patientId);
  return <QueryView query={comparison}>{(c) => <Pairs comparison={c} />}</QueryView>;
}

const signed = (n: number, fmt: (n: number) => string) => (n > 0 ? `+${fmt(n)}` : fmt(n));

function Pairs({ comparison }: { comparison: ImrsComparison }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const num = useFormatNumber();
  const pairs = comparison.pairs;
  const withItems = pairs.map((p, i) => ({ p, i })).filter(({ p }) => p.items);
  const [chosen, setChosen] = useState<number | null>(withItems.at(-1)?.i ?? null);
  const label = (p: ImrsPair) =>
    `${p.timepoint ? t(`measures.timepoints.${p.timepoint}`) : "—"} · ${date(p.client.date)}`;
  if (pairs.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("measures.imrs.none")}
      </Text>
    );
  return (
    <Stack gap="md">
      <DataTable
        caption={t("measures.imrs.pairs")}
        head={[
          t("measures.outcomes.timepoint"),
          t("measures.imrs.client"),
          t("measures.imrs.clinician"),
          t("measures.imrs.difference"),
        ]}
        rowCount={pairs.length}
        empty={t("measures.imrs.none")}
      >
        {pairs.map((p) => (
          <Table.Tr key={`${p.client.date}-${p.clinician.date}-${p.timepoint}`}>
            <Table.Td>{p.timepoint ? t(`measures.timepoints.${p.timepoint}`) : "—"}</Table.Td>
            <Table.Td>
              <b>{num(p.client.total)}</b>{" "}
              <Text span size="xs" c="dimmed">
                ({t("measures.imrs.meanOn", { mean: num(p.client.mean), date: date(p.client.date) })})
              </Text>
            </Table.Td>
            <Table.Td>
              <b>{num(p.clinician.total)}</b>{" "}
              <Text span size="xs" c="dimmed">
                ({t("measures.imrs.meanOn", { mean: num(p.clinician.mean), date: date(p.clinician.date) })})
              </Text>
            </Table.Td>
            <Table.Td>
              <Tag variant="light" color={Math.abs(p.difference) >= 8 ? "orange" : "gray"} tt="none">
                {signed(p.difference, num)}
              </Tag>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Text size="xs" c="dimmed">
        {t("measures.imrs.differenceHint")}
      </Text>
      {withItems.length > 0 && chosen !== null && pairs[chosen] && (
        <ItemComparison
          pair={pairs[chosen]}
          picker={
            withItems.length > 1 && (
              <Select
                label={t("measures.imrs.pair")}
                data={withItems.map(({ p, i }) => ({ value: String(i), label: label(p) }))}
                value={String(chosen)}
                onChange={(v) => v && setChosen(Number(v))}
                allowDeselect={false}
                maw={320}
              />
            )
          }
        />
      )}
    </Stack>
  );
}

function ItemComparison({ pair, picker }: { pair: ImrsPair; picker: ReactNode }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const labels = useMemo(
    () => ({ client: t("measures.imrs.client"), clinician: t("measures.imrs.clinician") }),
    [t],
  );
  const option = useMemo(() => imrsItemsOption(pair, labels), [pair, labels]);
  const items = pair.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="imrs-items-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="imrs-items-title">
          {t("measures.imrs.itemsTitle")}
        </Title>
        {picker}
        <MeasuresChart option={option} height={420} label={t("measures.imrs.chartLabel")} />
        <DataTable
          caption={t("measures.imrs.itemsTitle")}
          head={[t("measures.imrs.item"), labels.client, labels.clinician, t("measures.imrs.difference")]}
          rowCount={items.length}
          empty="—"
        >
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {i.id}. {i.topic}
              </Table.Td>
              <Table.Td>{num(i.client)}</Table.Td>
              <Table.Td>{num(i.clinician)}</Table.Td>
              <Table.Td fw={i.difference !== null && Math.abs(i.difference) >= 2 ? 700 : undefined}>
                {i.difference === null ? "—" : signed(i.difference, num)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Paper>
  );
}
