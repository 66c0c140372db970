import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconPlayerPlay } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  GROUPINGS,
  type GroupingId,
  OUTCOMES,
  type OutcomeId,
  outcomeKind,
  SCORE_OUTCOMES,
  TESTS_FOR,
  type TestId,
} from "../../../shared/analysis-variables.ts";
import { useProgramme } from "../../app/data/programmes.ts";
import { ErrorAlert, Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import type { Programme } from "../../app/types.ts";
import { fileName, saveFile } from "../../app/ui/download.ts";
import { usePresets, useRunAnalysis } from "./api.ts";
import { AnalysisChart } from "./chart.tsx";
import { chartOption } from "./chart-option.ts";
import { csvFile, xlsxFile } from "./export.ts";
import { useCategoryLabel, useGroupLabel } from "./labels.ts";
import { tableModel } from "./table-model.ts";
import { pText, TestResult } from "./test-result.tsx";
import type { AnalysisRequest, AnalysisResult, Preset } from "./types.ts";

/** Instruments with a total that the score outcomes offer (the library's, IMRS first). */
const INSTRUMENTS = [
  "IMRS-CLIENT",
  "IMRS-CLINICIAN",
  "PHQ-9",
  "GAD-7",
  "K10",
  "CORE-10",
  "BSL-23",
  "ZAN-BPD",
];

/** A programme's statistical analysis: an outcome, a grouping and a test — or a preset — run on the server. */
export function AnalysisPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return <QueryView query={programme}>{(p) => <AnalysisView programme={p} />}</QueryView>;
}

function useNumber() {
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      (n: number | null | undefined, decimals = 2) =>
        n === null || n === undefined
          ? "—"
          : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: decimals }).format(n),
    [i18n.language],
  );
}

function AnalysisView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const presets = usePresets(programme.id);
  const run = useRunAnalysis(programme.id);
  const [outcome, setOutcome] = useState<OutcomeId>("age");
  const [instrument, setInstrument] = useState<string>("IMRS-CLIENT");
  const [grouping, setGrouping] = useState<GroupingId>("site");
  const [test, setTest] = useState<TestId>("descriptive");
  const allowed = TESTS_FOR[outcomeKind(outcome)];
  const needsInstrument = SCORE_OUTCOMES.includes(outcome);

  const chooseOutcome = (o: OutcomeId) => {
    setOutcome(o);
    if (!TESTS_FOR[outcomeKind(o)].includes(test)) setTest("descriptive");
  };
  const request = (): AnalysisRequest => ({
    outcome,
    grouping,
    test,
    ...(needsInstrument ? { instrument } : {}),
  });
  const runPreset = (p: Preset) => {
    setOutcome(p.outcome);
    if (p.instrument) setInstrument(p.instrument);
    setGrouping(p.grouping);
    setTest(p.test);
    run.mutate({
      outcome: p.outcome,
      grouping: p.grouping,
      test: p.test,
      ...(p.instrument ? { instrument: p.instrument } : {}),
    });
  };

  return (
    <Page
      title={t("analysis.title", { programme: programme.code })}
      subtitle={t("analysis.hint")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("analysis.nav") },
      ]}
    >
      <Paper withBorder p="md" component="section" aria-labelledby="presets-title">
        <Title order={2} size="h4" id="presets-title" mb="xs">
          {t("analysis.presets.title")}
        </Title>
        <QueryView query={presets}>
          {(list) => (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {list.presets[0]?.source}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
                {list.presets.map((p) => (
                  <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">{t(`analysis.presets.${p.id}`, { defaultValue: p.description })}</Text>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => runPreset(p)}
                      aria-label={t("analysis.presets.run", {
                        preset: t(`analysis.presets.${p.id}`, { defaultValue: p.description }),
                      })}
                    >
                      {t("analysis.run")}
                    </Button>
                  </Group>
                ))}
              </SimpleGrid>
            </Stack>
          )}
        </QueryView>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="custom-title">
        <Title order={2} size="h4" id="custom-title" mb="xs">
          {t("analysis.custom")}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate(request());
          }}
        >
          <Group align="flex-end" gap="md">
            <Select
              label={t("analysis.form.outcome")}
              allowDeselect={false}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`analysis.outcomes.${o}`) }))}
              value={outcome}
              onChange={(v) => v && chooseOutcome(v as OutcomeId)}
              w={300}
            />
            {needsInstrument && (
              <Select
                label={t("analysis.form.instrument")}
                allowDeselect={false}
                data={INSTRUMENTS}
                value={instrument}
                onChange={(v) => v && setInstrument(v)}
                w={180}
              />
            )}
            <Select
              label={t("analysis.form.grouping")}
              allowDeselect={false}
              data={GROUPINGS.map((g) => ({ value: g, label: t(`analysis.groupings.${g}`) }))}
              value={grouping}
              onChange={(v) => v && setGrouping(v as GroupingId)}
              w={220}
            />
            <Select
              label={t("analysis.form.test")}
              allowDeselect={false}
              data={allowed.map((x) => ({ value: x, label: t(`analysis.tests.${x}`) }))}
              value={test}
              onChange={(v) => v && setTest(v as TestId)}
              w={240}
            />
            <Button
              type="submit"
              loading={run.isPending}
              leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
            >
              {t("analysis.run")}
            </Button>
          </Group>
        </form>
      </Paper>

      {run.error && <ErrorAlert error={run.error} />}
      {run.data && <Result result={run.data} programme={programme} />}
    </Page>
  );
}

function Result({ result: r, programme }: { result: AnalysisResult; programme: Programme }) {
  const { t } = useTranslation();
  const num = useNumber();
  const groupLabel = useGroupLabel(r.request.grouping);
  const categoryLabel = useCategoryLabel(r.request.outcome);
  const model = useMemo(
    () =>
      tableModel(r, {
        group:
          r.request.grouping === "none"
            ? t("analysis.table.group")
            : t(`analysis.groupings.${r.request.grouping}`),
        percent: "%",
        mean: t("analysis.table.mean"),
        sd: t("analysis.table.sd"),
        median: t("analysis.table.median"),
        q1: "Q1",
        q3: "Q3",
        first: t(`analysis.pairs.${r.request.outcome}.first`, { defaultValue: "1" }),
        second: t(`analysis.pairs.${r.request.outcome}.second`, { defaultValue: "2" }),
        difference: t("analysis.table.difference"),
        count: (c) => `${c} (n)`,
        share: (c) => `${c} (%)`,
        groupLabel,
        categoryLabel,
      }),
    [r, t, groupLabel, categoryLabel],
  );
  const option = useMemo(
    () =>
      chartOption(r, {
        group: groupLabel,
        category: categoryLabel,
        first: t(`analysis.pairs.${r.request.outcome}.first`, { defaultValue: "1" }),
        second: t(`analysis.pairs.${r.request.outcome}.second`, { defaultValue: "2" }),
      }),
    [r, t, groupLabel, categoryLabel],
  );
  const title = `${t(`analysis.outcomes.${r.request.outcome}`)}${r.request.instrument ? ` (${r.request.instrument})` : ""} · ${t(`analysis.groupings.${r.request.grouping}`)}`;
  const file = (ext: string) =>
    fileName([programme.code, "analysis", r.request.outcome, r.request.grouping, r.request.asOf], ext);
  const testsSheet = {
    sheet: t("analysis.result.sheet"),
    header: [
      t("analysis.table.group"),
      t("analysis.form.test"),
      t("analysis.result.statistic"),
      t("analysis.result.df"),
      t("analysis.result.p"),
      t("analysis.result.effect"),
      t("analysis.result.refusal"),
    ],
    rows: r.tests.map((x) => {
      const res = x.result;
      return res.ok
        ? [
            groupLabel(x.group),
            res.test,
            res.statistic,
            Array.isArray(res.df) ? res.df.join(", ") : (res.df ?? null),
            res.p,
            res.effect ? `${res.effect.name} ${res.effect.value}` : null,
            null,
          ]
        : [
            groupLabel(x.group),
            res.test,
            null,
            null,
            null,
            null,
            t(`analysis.refusals.${res.reason}`, { ...res.params, defaultValue: res.reason }),
          ];
    }),
  };
  const cell = (v: string | number | null, i: number) =>
    typeof v === "number" ? num(v, i === 1 ? 0 : i === 2 ? 1 : 2) : (v ?? "—");
  const shown = r.rows.some((x) => !x.suppressed && x.n);
  return (
    <Stack gap="md" data-testid="analysis-result">
      <Paper withBorder p="md" component="section" aria-labelledby="result-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="result-title">
            {title}
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden="true" />}
              onClick={() => saveFile(file("csv"), csvFile(model))}
            >
              {t("analysis.downloadCsv")}
            </Button>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden="true" />}
              onClick={() => saveFile(file("xlsx"), xlsxFile(model, t("analysis.table.sheet"), testsSheet))}
            >
              {t("analysis.downloadXlsx")}
            </Button>
          </Group>
        </Group>
        {r.scope.suppressSmallCells && (
          <Text size="sm" c="dimmed" mb="xs">
            {t("analysis.suppressionNote")}
          </Text>
        )}
        {r.scope.siteIds && (
          <Text size="sm" c="dimmed" mb="xs">
            {t("analysis.ownSitesNote")}
          </Text>
        )}
        {shown ? <AnalysisChart option={option} label={t("analysis.chartLabel", { title })} /> : null}
        <DataTable caption={title} head={model.header} rowCount={model.rows.length} empty="—" minWidth={640}>
          {model.rows.map(({ row, cells }) => (
            <Table.Tr key={row.key ?? "__all"} fw={row.key === null ? 700 : undefined}>
              <Table.Th scope="row">{cells[0]}</Table.Th>
              {row.suppressed ? (
                <Table.Td colSpan={model.header.length - 1}>
                  <Text size="sm" c="dimmed">
                    {t("analysis.table.suppressed")}
                  </Text>
                </Table.Td>
              ) : (
                cells.slice(1).map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a row are fixed
                  <Table.Td key={i}>{cell(c, i + 1)}</Table.Td>
                ))
              )}
            </Table.Tr>
          ))}
        </DataTable>
        <Text size="sm" c="dimmed" mt="xs">
          {t("analysis.excluded", {
            group: r.excluded.missingGroup ?? "1–4",
            outcome: r.excluded.missingOutcome ?? "1–4",
          })}
        </Text>
      </Paper>
      {r.tests.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t("analysis.result.title")}>
          {r.tests.map((x) => (
            <TestResult key={x.group ?? "__all"} test={x} groupLabel={groupLabel(x.group)} num={num} />
          ))}
          {r.tests.some((x) => x.result.ok && x.result.p < 0.05) && (
            <Text size="xs" c="dimmed">
              {t("analysis.result.pNote", { p: pText(0.05, num) })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
