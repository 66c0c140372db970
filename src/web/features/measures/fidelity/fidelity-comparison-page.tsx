import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useProgramme } from "../../../app/data/programmes.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import type { Programme } from "../../../app/types.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useFidelityComparison, useFidelityScales } from "../api.ts";
import { MeasuresChart } from "../chart.tsx";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { Comparison, FidelityScale } from "../types.ts";
import { heatmapOption, radarOption } from "./comparison-options.ts";
import { defaultScale } from "./default-scale.ts";
import { cutoffColour, cutoffLabel, useLevelLabel } from "./fidelity-labels.ts";

/** A programme's sites side by side on one fidelity scale: a radar, a heat map of items, and the table. */
export function FidelityComparisonPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  const scales = useFidelityScales();
  return (
    <QueryView query={programme}>
      {(p) => (
        <QueryView query={scales}>{(list) => <ComparisonView programme={p} scales={list} />}</QueryView>
      )}
    </QueryView>
  );
}

function ComparisonView({ programme, scales }: { programme: Programme; scales: FidelityScale[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Unless chosen, the scale of the programme's practice (a BPD programme: treatment integrity)
  const scaleCode = params.get("scale") ?? defaultScale(scales, programme.practice.code)?.code ?? "";
  const scale = scales.find((s) => s.code === scaleCode);
  const comparison = useFidelityComparison(programme.id, scaleCode);
  return (
    <Page
      title={t("measures.fidelity.comparisonTitle", { programme: programme.code })}
      subtitle={t("measures.fidelity.comparisonHint")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("measures.fidelity.comparison") },
      ]}
    >
      <Select
        label={t("measures.fidelity.scale")}
        data={scales.map((s) => ({ value: s.code, label: s.name }))}
        value={scaleCode}
        onChange={(v) => v && setParams({ scale: v }, { replace: true })}
        allowDeselect={false}
        maw={400}
      />
      <QueryView query={comparison}>
        {(c) => (scale ? <Charts comparison={c} scale={scale} /> : null)}
      </QueryView>
    </Page>
  );
}

function Charts({ comparison: c, scale }: { comparison: Comparison; scale: FidelityScale }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const date = useFormatDate();
  const num = useFormatNumber();
  const [axis, setAxis] = useState<"items" | "levels">("items");
  const radar = useMemo(() => radarOption(c, axis, levelLabel), [c, axis, levelLabel]);
  const heatmap = useMemo(() => heatmapOption(c), [c]);
  const reviewed = c.sites.filter((s) => s.reviewId !== null);
  const levels = scale.levels.length > 1 ? scale.levels : [];
  return (
    <Stack gap="md">
      {reviewed.length === 0 ? (
        <Text c="dimmed">{t("measures.fidelity.noSiteReviewed")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="radar-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="radar-title">
                {t("measures.fidelity.radar")}
              </Title>
              {levels.length > 0 && (
                <SegmentedField
                  label={t("measures.fidelity.axes")}
                  size="xs"
                  value={axis}
                  onChange={setAxis}
                  data={[
                    { value: "items", label: t("measures.fidelity.byItem") },
                    { value: "levels", label: t("measures.fidelity.byLevel") },
                  ]}
                />
              )}
            </Group>
            <MeasuresChart
              option={radar}
              height={440}
              label={t("measures.fidelity.radarLabel", { scale: scale.name })}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="heatmap-title">
            <Title order={2} size="h4" id="heatmap-title" mb="sm">
              {t("measures.fidelity.heatmap")}
            </Title>
            <MeasuresChart
              option={heatmap}
              height={Math.max(200, 120 + reviewed.length * 44)}
              label={t("measures.fidelity.heatmapLabel", { scale: scale.name })}
            />
          </Paper>
        </SimpleGrid>
      )}
      <Paper withBorder p="md">
        <DataTable
          caption={t("measures.fidelity.comparisonTable", { scale: scale.name })}
          head={[
            t("measures.fidelity.site"),
            t("measures.fidelity.latestReview"),
            t("measures.fidelity.overall"),
            ...levels.map(levelLabel),
            ...c.items.map((i) => i.id),
          ]}
          rowCount={c.sites.length}
          empty={t("programmes.noSites")}
          minWidth={520 + c.items.length * 40}
        >
          {c.sites.map((s) => (
            <Table.Tr key={s.siteId}>
              <Table.Th scope="row">{s.siteCode}</Table.Th>
              <Table.Td>
                {s.reviewId === null || s.reviewDate === null ? (
                  <Text size="sm" c="dimmed">
                    {t("measures.fidelity.neverReviewed")}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/fidelity/reviews/${s.reviewId}`} size="sm">
                    {date(s.reviewDate)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <b>{num(s.overall)}</b>{" "}
                {s.band && (
                  <Tag size="sm" variant="light" color={cutoffColour(scale, s.band)} tt="none">
                    {cutoffLabel(scale, s.band)}
                  </Tag>
                )}
              </Table.Td>
              {levels.map((l) => (
                <Table.Td key={l}>{num(s.levels[l])}</Table.Td>
              ))}
              {c.items.map((i) => (
                <Table.Td key={i.id}>{num(s.items[i.id])}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </DataTable>
        <Text size="xs" c="dimmed" mt="xs">
          {c.items.map((i) => `${i.id}. ${i.name}`).join(" · ")}
        </Text>
      </Paper>
    </Stack>
  );
}
