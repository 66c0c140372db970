import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDescribeError } from "../../../app/errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Loading, Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import type { ChartOption } from "../../../app/ui/echarts-setup.ts";
import { editsDefinitions } from "../access.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { planningUrl } from "../scope.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";
import { useAddReco, useRecoResults } from "./api.ts";
import { MODELS, type RecoModel, type RecoResults } from "./types.ts";

const ChartCanvas = lazy(() => import("./chart-canvas.tsx"));

const COLOURS: Record<RecoModel, string> = {
  lead_and_link: "#1c7ed6",
  consultancy: "#e8590c",
  network: "#2b8a3e",
  none: "#868e96",
  incomplete: "#c2255c",
};

/**
 * The RECO mapping of a programme: each responding service (site) with its model of care for
 * co-occurring conditions, and the counts per model per area. Coordinators see every site and
 * add the questionnaire; a site team sees its own site.
 */
export function RecoPage() {
  return <PlanningRoute>{(programme) => <RecoLoader programme={programme} />}</PlanningRoute>;
}

function RecoLoader({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const [roundId, setRoundId] = useState<number | null>(null);
  const results = useRecoResults(programme.id, roundId);
  return (
    <Page
      title={t("reco.title")}
      subtitle={t("reco.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("reco.title") },
      ]}
    >
      <QueryView query={results}>
        {(r) => <RecoBody programme={programme} results={r} onRound={setRoundId} />}
      </QueryView>
    </Page>
  );
}

function RecoBody({
  programme,
  results: r,
  onRound,
}: {
  programme: PlanningProgramme;
  results: RecoResults;
  onRound: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const add = useAddReco(programme.id);
  const describe = useDescribeError();
  const canAdd = editsDefinitions(me, programme.id);
  if (!r.questionnaire)
    return (
      <Stack>
        <Alert variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
          {t(canAdd ? "reco.notAdded" : "reco.notAddedReader")}
        </Alert>
        {canAdd && (
          <Group>
            <Button
              loading={add.isPending}
              onClick={() => add.mutate({ language: i18n.language === "it" ? "it" : "en" })}
            >
              {t("reco.add")}
            </Button>
          </Group>
        )}
        <FormError message={add.error ? describe(add.error) : null} />
      </Stack>
    );
  const questionnaires = (
    <Anchor component={Link} to={planningUrl(programme.id, "questionnaires")}>
      {t("reco.toQuestionnaires")}
    </Anchor>
  );
  if (!r.round)
    return (
      <Stack>
        <Text>{t("reco.noRound")}</Text>
        {questionnaires}
      </Stack>
    );
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={t("reco.round")}
          data={r.rounds.map((x) => ({
            value: String(x.id),
            label: `${x.label} (${x.opensOn} – ${x.closesOn})`,
          }))}
          value={String(r.round.id)}
          allowDeselect={false}
          onChange={(v) => v && onRound(Number(v))}
          w={360}
        />
        {questionnaires}
      </Group>
      <ServicesTable results={r} />
      <AreaSummary results={r} />
      <RuleCard />
    </Stack>
  );
}

function ModelBadge({ model }: { model: RecoModel | null }) {
  const { t } = useTranslation();
  if (!model)
    return (
      <Text size="sm" c="dimmed">
        {t("reco.noResponse")}
      </Text>
    );
  return (
    <Badge variant="light" color={model === "incomplete" ? "red" : "blue"} c="dark.7" tt="none">
      {t(`reco.models.${model}`)}
    </Badge>
  );
}

function ServicesTable({ results: r }: { results: RecoResults }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("reco.servicesCaption", { round: r.round?.label })}
      head={[t("reco.service"), t("reco.area"), t("reco.model"), t("reco.status")]}
      rowCount={r.services.length}
      empty={t("reco.noServices")}
    >
      {r.services.map((s) => (
        <Table.Tr key={s.siteId} data-testid={`reco-${s.code}`}>
          <Table.Th scope="row" fw={600}>
            {s.code}
            <Text size="xs" c="dimmed">
              {s.name}
            </Text>
          </Table.Th>
          <Table.Td>{s.area ?? "—"}</Table.Td>
          <Table.Td>
            <ModelBadge model={s.model} />
          </Table.Td>
          <Table.Td>
            {s.responded ? (s.submitted ? t("reco.submitted") : t("reco.draft")) : t("reco.missing")}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function AreaSummary({ results: r }: { results: RecoResults }) {
  const { t } = useTranslation();
  const areaName = (a: RecoResults["areas"][number]) => a.area ?? t("reco.noArea");
  const noArea = t("reco.noArea");
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: "category", data: r.areas.map((a) => a.area ?? noArea), axisLabel: { interval: 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: MODELS.map((m) => ({
        type: "bar",
        stack: "models",
        name: t(`reco.models.${m}`),
        itemStyle: { color: COLOURS[m] },
        data: r.areas.map((a) => a.counts[m]),
      })),
    }),
    [r.areas, t, noArea],
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("reco.byArea")}
      </Title>
      <Suspense fallback={<Loading />}>
        <ChartCanvas option={option} label={t("reco.chartLabel")} />
      </Suspense>
      <DataTable
        caption={t("reco.byArea")}
        head={[t("reco.area"), ...MODELS.map((m) => t(`reco.models.${m}`)), t("reco.missing")]}
        rowCount={r.areas.length}
        empty=""
      >
        {r.areas.map((a) => (
          <Table.Tr key={a.areaId ?? 0}>
            <Table.Th scope="row">{areaName(a)}</Table.Th>
            {MODELS.map((m) => (
              <Table.Td key={m}>{a.counts[m]}</Table.Td>
            ))}
            <Table.Td>{a.missing}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Card>
  );
}

function RuleCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("reco.ruleTitle")}
      </Title>
      <Stack gap={4}>
        {MODELS.map((m) => (
          <Text size="sm" key={m}>
            <strong>{t(`reco.models.${m}`)}</strong>: {t(`reco.rule.${m}`)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
