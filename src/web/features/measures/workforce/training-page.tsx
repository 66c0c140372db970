import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useProgramme } from "../../../app/data/programmes.ts";
import { DateField } from "../../../app/date-field.tsx";
import { Page, QueryView } from "../../../app/page.tsx";
import type { Programme } from "../../../app/types.ts";
import { AddButton } from "../../../app/ui/list-buttons.tsx";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useCourses, useTrainingFunnel } from "../api.ts";
import { MeasuresChart } from "../chart.tsx";
import { useFormatNumber } from "../labels.ts";
import type { Funnel, FunnelCounts } from "../types.ts";
import { CourseModal } from "./course-modal.tsx";
import { CoursesTable } from "./courses-table.tsx";
import { funnelOption } from "./funnel-option.ts";
import { FunnelTable } from "./funnel-table.tsx";

/** A programme's workforce: the training-to-practice funnel per site and per profile, and its courses. */
export function TrainingPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return <QueryView query={programme}>{(p) => <TrainingView programme={p} />}</QueryView>;
}

function TrainingView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const funnel = useTrainingFunnel(programme.id, { from: from ?? undefined, to: to ?? undefined });
  const courses = useCourses({ programmeId: programme.id });
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t("measures.funnel.title", { programme: programme.code })}
      subtitle={t("measures.funnel.hint")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("measures.funnel.nav") },
      ]}
    >
      <Group gap="md" align="flex-end">
        <DateField label={t("measures.funnel.from")} value={from} onChange={setFrom} w={180} />
        <DateField label={t("measures.funnel.to")} value={to} onChange={setTo} w={180} />
        <Text size="xs" c="dimmed" maw={420}>
          {t("measures.funnel.periodHint")}
        </Text>
      </Group>
      <QueryView query={funnel}>{(f) => <FunnelView funnel={f} />}</QueryView>
      <Paper withBorder p="md" component="section" aria-labelledby="courses-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="courses-title">
            {t("measures.courses.heading")}
          </Title>
          {programme.canEdit && (
            <AddButton onClick={() => setCreating(true)}>{t("measures.courses.new")}</AddButton>
          )}
        </Group>
        <QueryView query={courses}>
          {(list) => <CoursesTable courses={list} caption={t("measures.courses.heading")} />}
        </QueryView>
      </Paper>
      {creating && (
        <CourseModal programmeId={programme.id} siteId={null} onClose={() => setCreating(false)} />
      )}
    </Page>
  );
}

function FunnelView({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const [siteId, setSiteId] = useState<string>("all");
  const chosen = funnel.sites.find((s) => String(s.siteId) === siteId);
  const counts = chosen ?? funnel.programme;
  const labels = useMemo(
    () => ({
      professionals: t("measures.funnel.professionals"),
      trained: t("measures.funnel.trained"),
      trainedInTeam: t("measures.funnel.trainedInTeam"),
      delivering: t("measures.funnel.delivering"),
    }),
    [t],
  );
  const option = useMemo(() => funnelOption(counts, labels), [counts, labels]);
  const name = chosen ? chosen.siteCode : t("measures.funnel.allSites");
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="funnel-title">
          <Group justify="space-between" align="flex-end" mb="sm">
            <Title order={2} size="h4" id="funnel-title">
              {t("measures.funnel.chartTitle", { name })}
            </Title>
            <Select
              label={t("measures.funnel.site")}
              data={[
                { value: "all", label: t("measures.funnel.allSites") },
                ...funnel.sites.map((s) => ({
                  value: String(s.siteId),
                  label: `${s.siteCode} — ${s.siteName}`,
                })),
              ]}
              value={siteId}
              onChange={(v) => v && setSiteId(v)}
              allowDeselect={false}
              w={260}
            />
          </Group>
          {counts.suppressed && counts.professionals === null ? (
            <Text c="dimmed" size="sm">
              {t("measures.funnel.suppressed")}
            </Text>
          ) : (
            <MeasuresChart option={option} height={300} label={t("measures.funnel.chartLabel", { name })} />
          )}
          <Text size="sm" mt="xs" data-testid="funnel-summary">
            {t("measures.funnel.summary", {
              trained: counts.trained ?? "—",
              inTeam: counts.trainedInTeam ?? "—",
              delivering: counts.delivering ?? "—",
              untrained: counts.deliveringUntrained ?? "—",
            })}
          </Text>
        </Paper>
        <ConversionFacts counts={counts} name={name} />
      </SimpleGrid>
      <TitledPanel title={t("measures.funnel.bySite")}>
        <FunnelTable
          caption={t("measures.funnel.bySite")}
          first={t("measures.funnel.site")}
          rows={[
            ...funnel.sites.map((s) => ({ key: String(s.siteId), label: s.siteCode, counts: s })),
            { key: "all", label: t("measures.funnel.allSites"), counts: funnel.programme },
          ]}
        />
      </TitledPanel>
      <TitledPanel title={t("measures.funnel.byProfile")}>
        <FunnelTable
          caption={t("measures.funnel.byProfile")}
          first={t("teams.profile")}
          rows={funnel.profiles.map((p) => ({
            key: p.profile,
            label: t(`profiles.${p.profile}`),
            counts: p,
          }))}
        />
      </TitledPanel>
    </Stack>
  );
}

/** Of those trained, the share who joined the implementation team and who deliver: where training is lost. */
function ConversionFacts({ counts: c, name }: { counts: FunnelCounts; name: string }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const pct = (part: number | null, whole: number | null) =>
    part === null || whole === null || whole === 0 ? "—" : `${num((part / whole) * 100, 0)} %`;
  const facts = [
    [t("measures.funnel.shareTrained"), pct(c.trained, c.professionals)],
    [t("measures.funnel.shareInTeam"), pct(c.trainedInTeam, c.trained)],
    [t("measures.funnel.shareDelivering"), pct(c.delivering, c.trained)],
  ] as const;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conversion-title">
      <Title order={2} size="h4" id="conversion-title" mb="md">
        {t("measures.funnel.conversion", { name })}
      </Title>
      <Stack gap="lg">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text fz={32} fw={700} lh={1}>
              {value}
            </Text>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
