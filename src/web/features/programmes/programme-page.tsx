import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, Timeline, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useProgramme } from "../../app/data/programmes.ts";
import { useRegions } from "../../app/data/structure.ts";
import { HubSlot } from "../../app/hub.tsx";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { todayIso } from "../../app/today.ts";
import type { Programme } from "../../app/types.ts";
import { Fact } from "../../app/ui/fact.tsx";
import { PhaseBadge, phaseOn } from "../../app/ui/phase-badge.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { PHASES } from "./form-values.ts";
import { ProgrammeTargets } from "./programme-targets.tsx";

/** One programme: practice, phases, sites with their targets, and the indicator parameters. */
export function ProgrammePage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return <QueryView query={programme}>{(p) => <ProgrammeView programme={p} />}</QueryView>;
}

function ProgrammeView({ programme: p }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const region = regions.data?.find((r) => r.id === p.regionId);
  const current = phaseOn(p.phases, todayIso());
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const params = p.parameters;
  const totalTarget = p.sites.reduce(
    (sum, s) => sum + (s.targetEnrolment ?? params.targetEnrolmentPerSite),
    0,
  );
  const phaseIndex = current ? PHASES.indexOf(current) : -1;
  const hub = { programmeId: p.id, canEdit: p.canEdit };

  return (
    <Page
      title={`${p.code} — ${p.name}`}
      crumbs={[{ label: t("nav.programmes"), to: "/programmes" }, { label: p.code }]}
      subtitle={<PhaseBadge phase={current} />}
      actions={
        p.canEdit && (
          <Button
            component={Link}
            to={`/programmes/${p.id}/edit`}
            leftSection={<IconPencil size={16} aria-hidden="true" />}
          >
            {t("programmes.edit")}
          </Button>
        )
      }
    >
      <HubSlot hub="programme" slot="links" props={hub} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="md">
            {t("programmes.overview")}
          </Title>
          <SimpleGrid cols={2} spacing="md">
            <Fact label={t("programmes.practice")}>
              <Anchor component={Link} to={`/practices/${p.practice.id}`}>
                {p.practice.name}
              </Anchor>{" "}
              <Badge size="xs" variant="outline" color="gray.7">
                v{p.practice.version}
              </Badge>
            </Fact>
            <Fact label={t("programmes.region")}>{region?.name ?? "…"}</Fact>
            <Fact label={t("programmes.siteCount")}>{p.sites.length}</Fact>
            <Fact label={t("programmes.totalTarget")}>{totalTarget}</Fact>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="md">
            {t("programmes.phases")}
          </Title>
          {p.phases.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("programmes.noPhases")}
            </Text>
          ) : (
            <Timeline active={phaseIndex} bulletSize={16} lineWidth={2}>
              {p.phases.map((ph) => (
                <Timeline.Item key={ph.phase} title={t(`phases.${ph.phase}`)}>
                  <Text size="sm" c="dimmed">
                    {date(ph.startDate)} – {ph.endDate ? date(ph.endDate) : t("programmes.openEnded")}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Paper>
      </SimpleGrid>

      <TitledPanel title={t("programmes.sitesAndTargets")}>
        <DataTable
          caption={t("programmes.sitesAndTargets")}
          head={[t("common.code"), t("common.name"), t("programmes.siteTarget")]}
          rowCount={p.sites.length}
          empty={t("programmes.noSites")}
        >
          {p.sites.map((s) => (
            <Table.Tr key={s.siteId}>
              <Table.Td>
                <Anchor component={Link} to={`/sites/${s.siteId}`} fw={600}>
                  {s.code}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>
                {s.targetEnrolment ?? params.targetEnrolmentPerSite}
                {s.targetEnrolment === null && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    ({t("programmes.defaultShort")})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </TitledPanel>

      <HubSlot hub="programme" slot="cards" props={hub} />

      <ProgrammeTargets programme={p} />

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="md">
          {t("programmes.parameters")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Fact label={t("parameters.targetEnrolmentPerSite")}>{params.targetEnrolmentPerSite}</Fact>
          <Fact label={t("parameters.ageBand")}>
            {params.ageBand.min}–{params.ageBand.max}
          </Fact>
          <Fact label={t("parameters.targetDiagnoses")}>
            <Group gap={4}>
              {params.targetDiagnoses.length === 0
                ? "—"
                : params.targetDiagnoses.map((d) => (
                    <Badge key={d} variant="light" color="gray" tt="none">
                      {d}
                    </Badge>
                  ))}
            </Group>
          </Fact>
          <Fact label={t("parameters.intensiveThreshold")}>{params.intensiveThreshold}</Fact>
          <Fact label={t("parameters.earlyWindowDays")}>
            {t("common.days", { count: params.earlyWindowDays })}
          </Fact>
          <Fact label={t("parameters.newToServiceDays")}>
            {t("common.days", { count: params.newToServiceDays })}
          </Fact>
          <Fact label={t("parameters.breakdownAgeBands")}>
            <Group gap={4}>
              {params.breakdownAgeBands.map((b) => (
                <Badge key={b.label} variant="light" color="gray" tt="none">
                  {b.label}
                </Badge>
              ))}
            </Group>
          </Fact>
        </SimpleGrid>
      </Paper>
    </Page>
  );
}
