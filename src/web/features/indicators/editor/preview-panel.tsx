import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../../app/ui/echart.tsx";
import type { Bar } from "../bar-option.ts";
import { barOption } from "../bar-option.ts";
import { useBarTexts } from "../bar-texts.ts";
import { BarsTable } from "../bars-table.tsx";
import { ChartLegend } from "../chart-legend.tsx";
import { ComputedFromBadge } from "../computed-from.tsx";
import { useFormat } from "../format.ts";
import type { DashboardModel } from "../model.ts";
import type { PreviewResponse } from "../types.ts";

/** A definition's values before it is saved: the same chart and table as a saved indicator's. */
export function PreviewPanel({ preview, model }: { preview: PreviewResponse; model: DashboardModel }) {
  const { t } = useTranslation();
  const f = useFormat();
  const meta = preview.definition;
  const texts = useBarTexts(meta, model.data.smallSiteThreshold);
  const bars: Bar[] = useMemo(() => {
    const cells = new Map(preview.indicators.map((r) => [r.site, r]));
    const out: Bar[] = model.sites.flatMap((s) => {
      const cell = cells.get(s.code);
      return cell ? [{ key: s.code, short: s.code, long: s.name, cell }] : [];
    });
    const total = cells.get(null);
    if (total && meta.kind !== "count") {
      out.push({
        key: null,
        short: t("dashboard.programmeRow"),
        long: t("dashboard.programmeRow"),
        cell: total,
        programme: true,
      });
    }
    return out;
  }, [preview, model.sites, meta.kind, t]);
  const option = useMemo(() => (texts ? barOption(meta, bars, texts) : null), [meta, bars, texts]);
  const title = t("dashboard.editor.previewTitle", { date: f.date(preview.asOf) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <div>
          <Group gap="sm">
            <Title id="preview-title" order={2} size="h4">
              {title}
            </Title>
            <ComputedFromBadge value={meta.computedFrom} />
          </Group>
          <Text size="sm" c="dimmed">
            {t("dashboard.editor.previewHint")}
          </Text>
        </div>
        {option && (
          <EChart
            option={option}
            height={360}
            label={t("dashboard.chart.ariaBars", {
              name: meta.label,
              by: t("dashboard.chart.by.site").toLowerCase(),
              date: f.date(preview.asOf),
            })}
          />
        )}
        <ChartLegend
          siteLabel={t("dashboard.site")}
          withProgramme={meta.kind !== "count"}
          withTarget={meta.target !== null}
          smallThreshold={model.data.smallSiteThreshold}
        />
        <BarsTable meta={meta} bars={bars} caption={title} groupHeading={t("dashboard.site")} />
      </Stack>
    </Paper>
  );
}
