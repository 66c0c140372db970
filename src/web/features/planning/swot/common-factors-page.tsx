import { Badge, Group, Paper, Progress, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useCommonFactors } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { planningUrl } from "../scope.ts";
import type { CommonFactorsView, Quadrant } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";
import { QUADRANT_COLOR, QUADRANTS } from "./labels.ts";

/** The regional view of the local SWOTs: how many sites named each tag, in which quadrant. */
export function CommonFactorsPage() {
  return <PlanningRoute>{(programme) => <CommonFactorsLoader programme={programme} />}</PlanningRoute>;
}

function CommonFactorsLoader({ programme }: { programme: PlanningProgramme }) {
  const factors = useCommonFactors(programme.id);
  const { t } = useTranslation();
  return (
    <Page
      title={t("planning.commonFactors.title")}
      subtitle={t("planning.commonFactors.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planning.commonFactors.title") },
      ]}
    >
      <QueryView query={factors}>{(f) => <CommonFactorsTable view={f} />}</QueryView>
    </Page>
  );
}

function CommonFactorsTable({ view }: { view: CommonFactorsView }) {
  const { t } = useTranslation();
  const [quadrant, setQuadrant] = useState<Quadrant | "all">("all");
  const rows = view.factors.filter((f) => quadrant === "all" || f.quadrant === quadrant);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" data-testid="swot-coverage">
            {t("planning.commonFactors.coverage", { n: view.sitesWithSwot, total: view.sitesInProgramme })}
          </Text>
          <SegmentedControl
            aria-label={t("planning.swot.quadrantLabel")}
            value={quadrant}
            onChange={(v) => setQuadrant(v as Quadrant | "all")}
            data={[
              { value: "all", label: t("planning.commonFactors.all") },
              ...QUADRANTS.map((q) => ({ value: q, label: t(`planning.swot.quadrant.${q}`) })),
            ]}
          />
        </Group>
      </Paper>
      <DataTable
        caption={t("planning.commonFactors.title")}
        head={[
          t("planning.commonFactors.tag"),
          t("planning.swot.quadrantLabel"),
          t("planning.commonFactors.sites"),
          t("planning.commonFactors.which"),
          t("planning.commonFactors.regional"),
        ]}
        rowCount={rows.length}
        empty={t("planning.commonFactors.none")}
      >
        {rows.map((f) => (
          <Table.Tr key={`${f.tag}-${f.quadrant}`} data-tag={f.tag} data-quadrant={f.quadrant}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {f.label}
              </Text>
              {f.cfirDomain && (
                <Text size="xs" c="dimmed">
                  {t("planning.commonFactors.domain", { domain: t(`planning.cfir.${f.cfirDomain}`) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={QUADRANT_COLOR[f.quadrant]} c="dark.7" variant="light" tt="none">
                {t(`planning.swot.quadrant.${f.quadrant}`)}
              </Badge>
            </Table.Td>
            <Table.Td miw={160}>
              <Text size="sm" data-testid="site-count">
                {t("planning.commonFactors.siteCount", { count: f.siteCount, total: view.sitesInProgramme })}
              </Text>
              <Progress
                value={view.sitesInProgramme ? (100 * f.siteCount) / view.sitesInProgramme : 0}
                color={QUADRANT_COLOR[f.quadrant]}
                size="sm"
                aria-hidden="true"
              />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {f.sites.map((s) => (
                  <Badge key={s.id} variant="outline" color="gray.7" tt="none" title={s.name}>
                    {s.code}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              {f.inRegional ? (
                <Group gap={4}>
                  <IconCheck size={16} aria-hidden="true" color="var(--mantine-color-teal-7)" />
                  <Text size="sm">{t("common.yes")}</Text>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("common.no")}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
