import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useSite } from "../../../app/data/structure.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import type { SiteDetail } from "../../../app/types.ts";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useFidelityScales, useReviewHistory } from "../api.ts";
import { MeasuresChart } from "../chart.tsx";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { FidelityScale, ReviewSummary } from "../types.ts";
import { cutoffColour, cutoffLabel, useLevelLabel } from "./fidelity-labels.ts";
import { reviewHistoryOption } from "./review-history-option.ts";
import { useDefaultScale } from "./use-default-scale.ts";

/** A site's fidelity and integrity reviews for one programme: their history, and a new one. */
export function SiteFidelityPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  const scales = useFidelityScales();
  return (
    <QueryView query={site}>
      {(s) => <QueryView query={scales}>{(list) => <SiteFidelity site={s} scales={list} />}</QueryView>}
    </QueryView>
  );
}

function SiteFidelity({ site, scales }: { site: SiteDetail; scales: FidelityScale[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const programmeId =
    params.get("programmeId") ?? (site.programmes[0] ? String(site.programmes[0].id) : null);
  // Unless the user chose one, the scale of the programme's practice (not the first listed)
  const fallback = useDefaultScale(scales, programmeId === null ? null : Number(programmeId));
  const scaleCode = params.get("scale") ?? fallback ?? "";
  const scale = scales.find((s) => s.code === scaleCode);
  const history = useReviewHistory(
    site.id,
    programmeId === null || !scaleCode ? null : Number(programmeId),
    scaleCode,
  );
  const canManage = me.sites.find((s) => s.id === site.id)?.canManage ?? false;
  const choose = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    // Another programme opens on its own practice's scale
    if (k === "programmeId") next.delete("scale");
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t("measures.fidelity.siteTitle", { site: site.code })}
      subtitle={t("measures.fidelity.siteHint")}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("measures.fidelity.reviews") }]}
      actions={
        canManage &&
        programmeId && (
          <Button
            component={Link}
            to={`/sites/${site.id}/fidelity/new?programmeId=${programmeId}&scale=${scaleCode}`}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("measures.fidelity.new")}
          </Button>
        )
      }
    >
      <Group gap="md" align="flex-end">
        <Select
          label={t("measures.fidelity.programme")}
          data={site.programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
          value={programmeId}
          onChange={(v) => choose("programmeId", v)}
          allowDeselect={false}
          w={320}
        />
        <Select
          label={t("measures.fidelity.scale")}
          data={scales.map((s) => ({ value: s.code, label: s.name }))}
          value={scaleCode || null}
          onChange={(v) => choose("scale", v)}
          allowDeselect={false}
          w={360}
        />
      </Group>
      {programmeId === null ? (
        <Text c="dimmed">{t("structure.noProgrammes")}</Text>
      ) : (
        <QueryView query={history}>
          {(h) => (scale ? <History siteId={site.id} reviews={h.items} scale={scale} /> : null)}
        </QueryView>
      )}
    </Page>
  );
}

function History({
  siteId,
  reviews,
  scale,
}: {
  siteId: number;
  reviews: ReviewSummary[];
  scale: FidelityScale;
}) {
  const therapists = useProfessionals(
    siteId,
    reviews.some((r) => r.professionalId !== null),
  );
  const codeOf = new Map((therapists.data ?? []).map((p) => [p.id, p.code]));
  const { t } = useTranslation();
  const date = useFormatDate();
  const num = useFormatNumber();
  const levelLabel = useLevelLabel();
  const siteReviews = reviews.filter((r) => r.professionalId === null);
  const option = useMemo(
    () =>
      reviewHistoryOption(siteReviews, scale, { overall: t("measures.fidelity.overall"), level: levelLabel }),
    [siteReviews, scale, t, levelLabel],
  );
  const levels = scale.levels.length > 1 ? scale.levels : [];
  return (
    <Stack gap="md">
      {siteReviews.length > 1 && (
        <TitledPanel title={t("measures.fidelity.overTime")}>
          <MeasuresChart
            option={option}
            height={260}
            label={t("measures.fidelity.overTimeLabel", { scale: scale.name })}
          />
        </TitledPanel>
      )}
      <Paper withBorder p="md">
        <DataTable
          caption={t("measures.fidelity.history", { scale: scale.name })}
          head={[
            t("measures.fidelity.reviewDate"),
            t("measures.fidelity.reviewed"),
            t("measures.fidelity.overall"),
            ...levels.map(levelLabel),
            t("measures.fidelity.agreement.raters"),
            t("measures.fidelity.agreement.icc"),
          ]}
          rowCount={reviews.length}
          empty={t("measures.fidelity.noReviews")}
        >
          {reviews.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/fidelity/reviews/${r.id}`}>
                  {date(r.reviewDate)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {r.professionalId === null
                  ? t("measures.fidelity.theSite")
                  : (codeOf.get(r.professionalId) ?? t("measures.fidelity.aTherapist"))}
              </Table.Td>
              <Table.Td>
                <b>{num(r.overall.score)}</b>{" "}
                {r.overall.band && (
                  <Tag size="sm" variant="light" color={cutoffColour(scale, r.overall.band)} tt="none">
                    {cutoffLabel(scale, r.overall.band)}
                  </Tag>
                )}
              </Table.Td>
              {levels.map((l) => (
                <Table.Td key={l}>{num(r.levels.find((x) => x.level === l)?.score)}</Table.Td>
              ))}
              <Table.Td>{r.agreement.raters}</Table.Td>
              <Table.Td>{r.agreement.icc === null ? "—" : num(r.agreement.icc)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
    </Stack>
  );
}
