import { Button, Checkbox, Collapse, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconTable } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert, Loading } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { ChoicesField } from "../../app/ui/choices-field.tsx";
import { EChart } from "../../app/ui/echart.tsx";
import { useSeries } from "./api.ts";
import { CellValue } from "./cell-value.tsx";
import { ChartDownloads } from "./chart-downloads.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "./dashboard-page.tsx";
import { useFormat } from "./format.ts";
import { useIndicatorText } from "./labels.ts";
import { rowTarget } from "./model.ts";
import { type TrendLine, trendOption } from "./trend-option.ts";
import type { IndicatorMeta, SeriesResponse } from "./types.ts";

/** Monthly values over the implementation period, for the programme and the sites chosen. */
export function TrendsPage() {
  return <WithIndicators>{(ctx) => <Trends ctx={ctx} />}</WithIndicators>;
}

function Trends({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const { label } = useIndicatorText();
  const [params, setParams] = useSearchParams();
  const { model, programmeId, asOf } = ctx;
  const fallback = model.data.pinned[0] ?? model.definitions[0]?.id ?? null;
  const requested = params.get("indicator");
  const meta =
    (requested ? model.meta(requested) : undefined) ?? (fallback ? model.meta(fallback) : undefined);
  const sites = (params.get("sites") ?? "").split(",").filter((c) => model.site(c));
  const withProgramme = params.get("programme") !== "0";
  const series = useSeries(programmeId, meta?.id ?? null, asOf);
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value === null || value === "") n.delete(key);
        else n.set(key, value);
        return n;
      },
      { replace: true },
    );

  return (
    <DashboardPage ctx={ctx} tab="trends" title={t("dashboard.trends.title")}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("dashboard.chart.choose")}
          data={model.definitions.map((d) => ({ value: d.id, label: label(d) }))}
          value={meta?.id ?? null}
          onChange={(id) => set("indicator", id)}
          searchable
          allowDeselect={false}
          w={320}
          nothingFoundMessage={t("common.nothingFound")}
        />
        <ChoicesField
          label={t("dashboard.trends.sites")}
          placeholder={t("dashboard.trends.sitesPlaceholder")}
          data={model.sites.map((s) => ({ value: s.code, label: s.code }))}
          renderOption={({ option }) => `${option.value} — ${model.site(option.value)?.name ?? ""}`}
          value={sites}
          onChange={(v) => set("sites", v.join(","))}
          searchable
          hidePickedOptions
          maxValues={8}
          miw={320}
          maw={640}
          nothingFoundMessage={t("common.nothingFound")}
        />
        <Checkbox
          label={t("dashboard.trends.showProgramme")}
          checked={withProgramme}
          onChange={(e) => set("programme", e.currentTarget.checked ? null : "0")}
          mb={8}
        />
      </Group>
      {!meta ? null : series.error ? (
        <ErrorAlert error={series.error} />
      ) : !series.data ? (
        <Loading />
      ) : (
        <TrendChart ctx={ctx} meta={meta} data={series.data} sites={sites} withProgramme={withProgramme} />
      )}
    </DashboardPage>
  );
}

function TrendChart({
  ctx,
  meta,
  data,
  sites,
  withProgramme,
}: {
  ctx: DashboardContext;
  meta: IndicatorMeta;
  data: SeriesResponse;
  sites: string[];
  withProgramme: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { label } = useIndicatorText();
  const [tableOpen, table] = useDisclosure(false);
  const name = label(meta);
  const months = useMemo(() => data.asOfs.map((d) => f.date(d, "month")), [data.asOfs, f]);
  const lines: TrendLine[] = useMemo(() => {
    const out: TrendLine[] = [];
    const of = (site: string | null) => data.series.find((s) => s.site === site)?.points ?? [];
    // The series' definition carries the targets: the programme's, and each site's own.
    const meta = data.definition;
    if (withProgramme)
      out.push({
        name: t("dashboard.programmeRow"),
        programme: true,
        points: of(null),
        target: rowTarget(meta, null),
      });
    for (const code of sites)
      out.push({ name: code, programme: false, points: of(code), target: rowTarget(meta, code) });
    return out;
  }, [data, sites, withProgramme, t]);
  const option = useMemo(
    () =>
      trendOption(meta, lines, {
        months,
        number: (v) => f.number(meta.kind, v, 0),
        value: (cell) => f.value(meta.kind, cell),
        fraction: f.fraction,
        target: t("dashboard.target"),
        targetOf: (name) => t("dashboard.targetOf", { name }),
      }),
    [meta, lines, months, f, t],
  );
  const from = f.date(data.from);
  const to = f.date(data.to);
  if (lines.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed" size="sm">
          {t("dashboard.trends.empty")}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby="trend-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Title id="trend-title" order={2} size="h4">
              {t("dashboard.trends.caption", { name })}
            </Title>
            <Text size="sm" c="dimmed">
              {t("dashboard.trends.period", { from, to })}
            </Text>
          </Stack>
          <ChartDownloads
            option={option}
            title={name}
            subtitle={`${ctx.model.data.programme.code} · ${t("dashboard.trends.period", { from, to })}`}
            file={[ctx.model.data.programme.code, meta.id, "trend", data.to]}
          />
        </Group>
        <EChart option={option} height={420} label={t("dashboard.trends.aria", { name, from, to })} />
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconTable size={14} aria-hidden="true" />}
            onClick={table.toggle}
            aria-expanded={tableOpen}
            aria-controls="trend-table"
          >
            {tableOpen ? t("dashboard.hideTable") : t("dashboard.showTable")}
          </Button>
        </Group>
        <Collapse expanded={tableOpen} id="trend-table">
          {tableOpen && (
            <DataTable
              caption={t("dashboard.trends.caption", { name })}
              head={[t("dashboard.trends.month"), ...lines.map((l) => l.name)]}
              rowCount={months.length}
              empty={t("dashboard.noData")}
            >
              {lines.some((l) => l.target) && (
                <Table.Tr>
                  <Table.Th scope="row" fw={500}>
                    {t("dashboard.target")}
                  </Table.Th>
                  {lines.map((l) => (
                    <Table.Td key={l.name}>{l.target ? f.target(meta.kind, l.target) : "—"}</Table.Td>
                  ))}
                </Table.Tr>
              )}
              {months.map((m, i) => (
                <Table.Tr key={data.asOfs[i]}>
                  <Table.Th scope="row" fw={500}>
                    {m}
                  </Table.Th>
                  {lines.map((l) => {
                    const cell = l.points[i];
                    return (
                      <Table.Td key={l.name}>{cell && <CellValue kind={meta.kind} cell={cell} />}</Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </Collapse>
      </Stack>
    </Paper>
  );
}
