import { Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { MeasuresChart } from "../chart.tsx";
import { BandBadge } from "../instruments/band-badge.tsx";
import { useInstrumentText } from "../instruments/instrument-text.ts";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { InstrumentOutcome } from "../types.ts";
import { ChangeLine } from "./change-line.tsx";
import { outcomeChartOption } from "./outcome-chart-option.ts";

/** One instrument's scores over time: the chart over its bands, the change, and every score in a table. */
export function InstrumentOutcomeCard({ outcome: o }: { outcome: InstrumentOutcome }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const num = useFormatNumber();
  const text = useInstrumentText();
  const scored = o.points.some((p) => p.total !== null);
  const option = useMemo(
    () => outcomeChartOption(o, (r) => t(`measures.respondents.${r}`), date, text),
    [o, t, date, text],
  );
  const titleId = `outcome-${o.instrument}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h5" id={titleId}>
            {o.instrument} — {o.name}
          </Title>
          <Text size="xs" c="dimmed">
            {o.higherIsBetter ? t("measures.outcomes.higherBetter") : t("measures.outcomes.lowerBetter")}
          </Text>
        </Group>
        {scored && (
          <MeasuresChart
            option={option}
            height={220}
            label={t("measures.outcomes.chartLabel", { instrument: o.instrument })}
          />
        )}
        {o.changes.map((c) => (
          <ChangeLine key={c.respondent} change={c} />
        ))}
        {o.reliableChangeSource && (
          <Text size="xs" c="dimmed">
            {t("measures.outcomes.rciSource", { source: o.reliableChangeSource })}
          </Text>
        )}
        <DataTable
          caption={t("measures.outcomes.tableOf", { instrument: o.instrument })}
          head={[
            t("measures.outcomes.date"),
            t("measures.outcomes.timepoint"),
            t("measures.outcomes.respondent"),
            t("measures.outcomes.total"),
            t("measures.outcomes.band"),
            t("measures.outcomes.flags"),
          ]}
          rowCount={o.points.length}
          empty={t("measures.outcomes.none")}
          minWidth={520}
        >
          {[...o.points].reverse().map((p) => (
            <Table.Tr key={p.assessmentId}>
              <Table.Td>{date(p.date)}</Table.Td>
              <Table.Td>{p.timepoint ? t(`measures.timepoints.${p.timepoint}`) : "—"}</Table.Td>
              <Table.Td>{t(`measures.respondents.${p.respondent}`)}</Table.Td>
              <Table.Td fw={600}>{num(p.total)}</Table.Td>
              <Table.Td>
                <BandBadge band={p.band} levels={o.bands.length} higherIsBetter={o.higherIsBetter} />
              </Table.Td>
              <Table.Td>
                {p.flags.length
                  ? p.flags.map((f) => (
                      <Tag key={f} color="red" variant="light" tt="none" mr={4}>
                        {f.replaceAll("_", " ")}
                      </Tag>
                    ))
                  : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Paper>
  );
}
