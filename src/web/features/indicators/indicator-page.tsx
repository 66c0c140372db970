import { ActionIcon, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorAlert, Loading } from "../../app/page.tsx";
import { EChart } from "../../app/ui/echart.tsx";
import { useBreakdown } from "./api.ts";
import { useDashboardHref } from "./as-of.ts";
import { barOption, targetMarks } from "./bar-option.ts";
import { useBarTexts } from "./bar-texts.ts";
import { BarsTable } from "./bars-table.tsx";
import { ChartDownloads } from "./chart-downloads.tsx";
import { ChartLegend } from "./chart-legend.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "./dashboard-page.tsx";
import { useFormat } from "./format.ts";
import { IndicatorFacts } from "./indicator-facts.tsx";
import { useIndicatorText } from "./labels.ts";
import { breakdownBars, siteBars } from "./site-bars.ts";
import { BREAKDOWNS, type Breakdown, type IndicatorMeta, supportsBreakdown } from "./types.ts";

/** `/charts`: the first headline indicator's chart (or the catalogue's first). */
export function ChartsIndexPage() {
  const href = useDashboardHref();
  return (
    <WithIndicators>
      {({ model }) => {
        const first = model.data.pinned[0] ?? model.definitions[0]?.id;
        return first ? <Navigate replace to={href(`/charts/${first}`)} /> : <Loading />;
      }}
    </WithIndicators>
  );
}

/** One indicator's chart: sites side by side against the target, and its table. */
export function IndicatorPage() {
  return <WithIndicators>{(ctx) => <IndicatorView ctx={ctx} />}</WithIndicators>;
}

function IndicatorView({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const { indicatorId = "" } = useParams();
  const meta = ctx.model.meta(indicatorId);
  if (!meta) {
    return (
      <DashboardPage ctx={ctx} tab="charts" title={t("dashboard.chart.title")}>
        <ErrorAlert error={null} title={t("errors.notFound")} />
      </DashboardPage>
    );
  }
  return <IndicatorChart key={meta.id} ctx={ctx} meta={meta} />;
}

function IndicatorChart({ ctx, meta }: { ctx: DashboardContext; meta: IndicatorMeta }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const href = useDashboardHref();
  const { label, description } = useIndicatorText();
  const [params, setParams] = useSearchParams();
  const { model, programmeId, asOf } = ctx;
  const requested = params.get("by") as Breakdown | null;
  const by: Breakdown =
    requested && BREAKDOWNS.includes(requested) && supportsBreakdown(meta, requested) ? requested : "site";
  const breakdown = useBreakdown(programmeId, meta.id, by, asOf);
  const name = label(meta);
  const threshold = model.data.smallSiteThreshold;
  const texts = useBarTexts(meta, threshold);
  const programmeLabel = t("dashboard.programmeRow");

  const bars = useMemo(() => {
    if (by === "site") return siteBars(model, meta, programmeLabel);
    return breakdown.data ? breakdownBars(breakdown.data, by, t, programmeLabel) : null;
  }, [by, model, meta, breakdown.data, t, programmeLabel]);
  const option = useMemo(() => (bars && texts ? barOption(meta, bars, texts) : null), [bars, texts, meta]);
  const marks = useMemo(() => (bars ? targetMarks(bars) : { line: null, marks: null }), [bars]);

  const index = model.definitions.findIndex((d) => d.id === meta.id);
  const prev = model.definitions[index - 1];
  const next = model.definitions[index + 1];
  const byLabel = t(`dashboard.chart.by.${by}`);
  const date = f.date(asOf);
  const setBy = (value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (!value || value === "site") n.delete("by");
        else n.set("by", value);
        return n;
      },
      { replace: true },
    );
  const toIndicator = (id: string | null) => {
    if (!id) return;
    const target = model.meta(id);
    const keep = target && by !== "site" && supportsBreakdown(target, by) ? { by } : undefined;
    navigate(href(`/charts/${id}`, keep));
  };
  const siteLink = (code: string | null) =>
    code && by === "site" ? href(`/sites/${encodeURIComponent(code)}`) : null;

  return (
    <DashboardPage ctx={ctx} tab="charts" title={name} subtitle={description(meta) || undefined}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("dashboard.chart.choose")}
          data={model.definitions.map((d) => ({ value: d.id, label: label(d) }))}
          value={meta.id}
          onChange={toIndicator}
          searchable
          allowDeselect={false}
          w={320}
          nothingFoundMessage={t("common.nothingFound")}
        />
        <ActionIcon.Group>
          <ActionIcon
            variant="default"
            size="input-sm"
            disabled={!prev}
            aria-label={t("dashboard.chart.previous")}
            onClick={() => prev && toIndicator(prev.id)}
          >
            <IconChevronLeft size={18} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="input-sm"
            disabled={!next}
            aria-label={t("dashboard.chart.next")}
            onClick={() => next && toIndicator(next.id)}
          >
            <IconChevronRight size={18} aria-hidden="true" />
          </ActionIcon>
        </ActionIcon.Group>
        <Select
          label={t("dashboard.chart.breakdown")}
          data={BREAKDOWNS.filter((b) => supportsBreakdown(meta, b)).map((b) => ({
            value: b,
            label: t(`dashboard.chart.by.${b}`),
          }))}
          value={by}
          onChange={setBy}
          allowDeselect={false}
          w={240}
        />
      </Group>

      <Paper withBorder p="md" component="figure" m={0} aria-labelledby="chart-title">
        <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
          <Stack gap={2}>
            <Title id="chart-title" order={2} size="h4">
              {t("dashboard.chart.tableCaption", { name, by: byLabel.toLowerCase(), date })}
            </Title>
            <IndicatorFacts model={model} meta={meta} />
          </Stack>
          {option && (
            <ChartDownloads
              option={option}
              title={name}
              subtitle={`${model.data.programme.code} · ${byLabel} · ${date}`}
              file={[model.data.programme.code, meta.id, by, asOf]}
            />
          )}
        </Group>
        {breakdown.error ? (
          <ErrorAlert error={breakdown.error} />
        ) : !option || !bars ? (
          <Loading />
        ) : (
          <Stack gap="sm">
            <EChart
              option={option}
              height={440}
              label={t("dashboard.chart.ariaBars", { name, by: byLabel.toLowerCase(), date })}
              onItemClick={(e) => {
                const to = siteLink(bars[e.dataIndex]?.key ?? null);
                if (to) navigate(to);
              }}
            />
            <ChartLegend
              siteLabel={byLabel}
              withProgramme={meta.kind !== "count"}
              withTarget={marks.line !== null}
              siteTargets={marks.marks !== null}
              smallThreshold={threshold}
            />
            {by === "site" && (
              <Text size="xs" c="dimmed">
                {t("dashboard.chart.clickHint")}
              </Text>
            )}
          </Stack>
        )}
      </Paper>

      {bars && (
        <Paper withBorder p="md">
          <BarsTable
            meta={meta}
            bars={bars}
            caption={t("dashboard.chart.tableCaption", { name, by: byLabel.toLowerCase(), date })}
            groupHeading={byLabel}
            linkFor={(b) => siteLink(b.key)}
          />
        </Paper>
      )}
    </DashboardPage>
  );
}
