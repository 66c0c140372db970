import { Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { useProgramme } from "../../../app/data/programmes.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import type { Programme } from "../../../app/types.ts";
import { useInstruments, useProgrammeOutcomes } from "../api.ts";
import { MeasuresChart } from "../chart.tsx";
import { RESPONDENTS, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { ProgrammeOutcomes } from "../types.ts";
import { ImrsCorrelationTable } from "./imrs-correlation-table.tsx";
import { prePostOption } from "./pre-post-option.ts";

/** A programme's outcomes: pre/post change of one instrument per site, and client–clinician IMRS agreement. */
export function ProgrammeOutcomesPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return <QueryView query={programme}>{(p) => <OutcomesView programme={p} />}</QueryView>;
}

function OutcomesView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const library = useInstruments();
  const scored = (library.data ?? []).filter((i) => i.total !== null);
  const instrument = params.get("instrument") ?? (programme.code.startsWith("IMR") ? "IMRS-CLIENT" : "PHQ-9");
  const [respondent, setRespondent] = useState<string | null>(null);
  const outcomes = useProgrammeOutcomes(programme.id, instrument, respondent);
  const imr = scored.some((i) => i.code.startsWith("IMRS"));
  return (
    <Page
      title={t("measures.programmeOutcomes.title", { programme: programme.code })}
      subtitle={t("measures.programmeOutcomes.hint")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("measures.programmeOutcomes.nav") },
      ]}
    >
      <Group gap="md">
        <Select
          label={t("measures.form.instrument")}
          searchable
          allowDeselect={false}
          data={scored.map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
          value={instrument}
          onChange={(v) => v && setParams({ instrument: v }, { replace: true })}
          w={380}
        />
        <Select
          label={t("measures.form.respondent")}
          placeholder={t("measures.programmeOutcomes.anyRespondent")}
          clearable
          data={RESPONDENTS.map((r) => ({ value: r, label: t(`measures.respondents.${r}`) }))}
          value={respondent}
          onChange={setRespondent}
          w={220}
        />
      </Group>
      <QueryView query={outcomes}>{(o) => <PrePost outcomes={o} />}</QueryView>
      {imr && (
        <Paper withBorder p="md" component="section" aria-labelledby="correlation-title">
          <Title order={2} size="h4" id="correlation-title" mb="xs">
            {t("measures.programmeOutcomes.correlation")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("measures.programmeOutcomes.correlationHint")}
          </Text>
          <ImrsCorrelationTable programmeId={programme.id} />
        </Paper>
      )}
    </Page>
  );
}

function PrePost({ outcomes: o }: { outcomes: ProgrammeOutcomes }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const labels = useMemo(
    () => ({
      baseline: t("measures.programmeOutcomes.baselineMean"),
      latest: t("measures.programmeOutcomes.latestMean"),
      programme: t("measures.funnel.allSites"),
    }),
    [t],
  );
  const option = useMemo(() => prePostOption(o, labels), [o, labels]);
  const row = (r: ProgrammeOutcomes["programme"]) =>
    r.suppressed ? (
      <Table.Td colSpan={7}>
        <Text size="sm" c="dimmed">
          {t("measures.programmeOutcomes.suppressed")}
        </Text>
      </Table.Td>
    ) : (
      <>
        <Table.Td>{num(r.n)}</Table.Td>
        <Table.Td>{num(r.baselineMean, 1)}</Table.Td>
        <Table.Td>{num(r.latestMean, 1)}</Table.Td>
        <Table.Td fw={700}>
          {r.meanChange === null ? "—" : `${r.meanChange > 0 ? "+" : ""}${num(r.meanChange, 1)}`}
        </Table.Td>
        <Table.Td>{num(r.sdChange, 1)}</Table.Td>
        <Table.Td>{num(r.reliablyImproved)}</Table.Td>
        <Table.Td>{num(r.reliablyDeteriorated)}</Table.Td>
      </>
    );
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="prepost-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="prepost-title">
            {t("measures.programmeOutcomes.prePost", { instrument: o.instrument })}
          </Title>
          <Tag variant="light" color="gray" tt="none">
            {o.higherIsBetter ? t("measures.outcomes.higherBetter") : t("measures.outcomes.lowerBetter")}
            {o.reliableChangeThreshold !== null &&
              ` · ${t("measures.programmeOutcomes.rc", { points: num(o.reliableChangeThreshold) })}`}
          </Tag>
        </Group>
        {o.programme.n ? (
          <MeasuresChart
            option={option}
            height={260}
            label={t("measures.programmeOutcomes.chartLabel", { instrument: o.instrument })}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t("measures.programmeOutcomes.noPairs")}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <DataTable
          caption={t("measures.programmeOutcomes.prePost", { instrument: o.instrument })}
          head={[
            t("measures.funnel.site"),
            "n",
            t("measures.programmeOutcomes.baselineMean"),
            t("measures.programmeOutcomes.latestMean"),
            t("measures.programmeOutcomes.meanChange"),
            t("measures.programmeOutcomes.sdChange"),
            t("measures.programmeOutcomes.improved"),
            t("measures.programmeOutcomes.deteriorated"),
          ]}
          rowCount={o.sites.length + 1}
          empty="—"
          minWidth={760}
        >
          {o.sites.map((s) => (
            <Table.Tr key={s.siteId}>
              <Table.Th scope="row">{s.siteCode}</Table.Th>
              {row(s)}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t("measures.funnel.allSites")}</Table.Th>
            {row(o.programme)}
          </Table.Tr>
        </DataTable>
        <Text size="xs" c="dimmed" mt="xs">
          {t("measures.programmeOutcomes.method")}
        </Text>
      </Paper>
    </Stack>
  );
}
