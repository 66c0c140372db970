import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconBuildingHospital } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { EChart } from "../../app/ui/echart.tsx";
import { useDashboardHref } from "./as-of.ts";
import { CellValue } from "./cell-value.tsx";
import { ChartDownloads } from "./chart-downloads.tsx";
import { type ComparisonTexts, comparisonOption } from "./comparison-option.ts";
import { type DashboardContext, DashboardPage, WithIndicators } from "./dashboard-page.tsx";
import { useFormat } from "./format.ts";
import { useIndicatorText } from "./labels.ts";
import { StatusBadge } from "./status-badge.tsx";
import type { ProgrammeSite } from "./types.ts";

/** A site's drill-down: its indicators beside the programme's, as a chart and a table. */
export function SiteIndicatorsPage() {
  return <WithIndicators>{(ctx) => <SiteView ctx={ctx} />}</WithIndicators>;
}

function SiteView({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const { siteCode = "" } = useParams();
  const site = ctx.model.site(siteCode);
  if (!site) {
    return (
      <DashboardPage ctx={ctx} tab={null} title={siteCode} crumb={siteCode}>
        <Alert color="orange" variant="light" role="alert">
          {t("dashboard.siteView.notInProgramme")}
        </Alert>
      </DashboardPage>
    );
  }
  return <SiteIndicators ctx={ctx} site={site} />;
}

function SiteIndicators({ ctx, site }: { ctx: DashboardContext; site: ProgrammeSite }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const href = useDashboardHref();
  const { label } = useIndicatorText();
  const { model, asOf } = ctx;
  const date = f.date(asOf);
  const ratios = model.definitions.filter((d) => d.kind === "ratio");
  const texts: ComparisonTexts = useMemo(
    () => ({
      site: site.code,
      programme: t("dashboard.programmeRow"),
      target: t("dashboard.target"),
      percent: (v) => f.number("ratio", v, 0),
      value: (cell) => f.value("ratio", cell, 0),
      fraction: f.fraction,
    }),
    [site.code, t, f],
  );
  const option = useMemo(
    () =>
      comparisonOption(
        ratios.map((d) => ({
          label: label(d),
          site: model.cell(d.id, site.code),
          programme: model.cell(d.id, null),
          // the site's own target (the programme's applies to its sites for a percentage)
          target: model.target(d.id, site.code).target?.value ?? null,
        })),
        texts,
      ),
    [ratios, label, model, site.code, texts],
  );
  const title = t("dashboard.siteView.title", { code: site.code, name: site.name });
  return (
    <DashboardPage
      ctx={ctx}
      tab={null}
      title={title}
      crumb={site.code}
      subtitle={t("dashboard.siteView.subtitle")}
      actions={
        <Button
          component={Link}
          to={`/sites/${site.id}`}
          variant="default"
          leftSection={<IconBuildingHospital size={16} aria-hidden="true" />}
        >
          {t("dashboard.siteView.sitePage")}
        </Button>
      }
    >
      <Select
        label={t("dashboard.siteView.choose")}
        data={model.sites.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }))}
        value={site.code}
        onChange={(code) => code && navigate(href(`/sites/${encodeURIComponent(code)}`))}
        searchable
        allowDeselect={false}
        w={360}
        nothingFoundMessage={t("common.nothingFound")}
      />
      {ratios.length > 0 && (
        <Paper withBorder p="md" component="figure" m={0} aria-labelledby="site-chart-title">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title id="site-chart-title" order={2} size="h4">
                {t("dashboard.siteView.caption", { site: site.code, date })}
              </Title>
              <ChartDownloads
                option={option}
                title={title}
                subtitle={`${model.data.programme.code} · ${date}`}
                file={[model.data.programme.code, site.code, asOf]}
              />
            </Group>
            <EChart
              option={option}
              height={Math.max(320, 40 * ratios.length + 70)}
              label={t("dashboard.siteView.chartAria", { site: site.code, date })}
            />
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <DataTable
          caption={t("dashboard.siteView.caption", { site: site.code, date })}
          head={[
            t("dashboard.indicator"),
            site.code,
            t("dashboard.programmeRow"),
            t("dashboard.siteTarget"),
            t("dashboard.againstTarget"),
          ]}
          rowCount={model.definitions.length}
          empty={t("dashboard.noData")}
        >
          {model.definitions.map((d) => {
            const cell = model.cell(d.id, site.code);
            const { target, status } = model.target(d.id, site.code);
            return (
              <Table.Tr key={d.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={href(`/charts/${d.id}`)} size="sm">
                    {label(d)}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <CellValue kind={d.kind} cell={cell} />
                </Table.Td>
                <Table.Td>
                  <CellValue kind={d.kind} cell={model.cell(d.id, null)} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{target ? f.target(d.kind, target) : "—"}</Text>
                </Table.Td>
                <Table.Td>{target && <StatusBadge status={status} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </Paper>
    </DashboardPage>
  );
}
