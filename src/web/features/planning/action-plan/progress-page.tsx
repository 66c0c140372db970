import { Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../../app/page.tsx";
import { ScrollTable } from "../../../app/table.tsx";
import { usePlanProgress } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { useCivilDate } from "../format.ts";
import { planningUrl } from "../scope.ts";
import type { PlanProgress } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";
import { STATUS_COLOR } from "./plan-model.ts";

/** Every regional activity with each site's status of its copy: the region's view of every site's progress. */
export function ProgressPage() {
  return <PlanningRoute>{(programme) => <Progress programme={programme} />}</PlanningRoute>;
}

function Progress({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const progress = usePlanProgress(programme.id);
  return (
    <Page
      title={t("planning.progress.title")}
      subtitle={t("planning.progress.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planning.progress.title") },
      ]}
    >
      <QueryView query={progress}>{(p) => <ProgressTable progress={p} />}</QueryView>
    </Page>
  );
}

function ProgressTable({ progress }: { progress: PlanProgress }) {
  const { t } = useTranslation();
  const date = useCivilDate();
  const sites = progress.sites.filter((s) => s.planVersion > 0);
  if (progress.activities.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("planning.progress.none")}
      </Text>
    );
  return (
    <Stack>
      <Text size="sm">
        {t("planning.progress.sitesWithPlan", { n: sites.length, total: progress.sites.length })}
      </Text>
      <ScrollTable minWidth={600 + sites.length * 90}>
        <Table striped verticalSpacing={6} captionSide="top">
          <caption className="visually-hidden">{t("planning.progress.title")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("planning.plan.activity")}</Table.Th>
              <Table.Th scope="col">{t("planning.plan.when")}</Table.Th>
              <Table.Th scope="col">{t("planning.progress.summary")}</Table.Th>
              {sites.map((s) => (
                <Table.Th key={s.id} scope="col">
                  <Tooltip label={s.name}>
                    <span>{s.code}</span>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.activities.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.strategicArea} › {a.subArea}
                  </Text>
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Text size="sm">
                    {date(a.start)} – {date(a.end)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {(["done", "in_progress", "delayed"] as const).map((s) =>
                      a.counts[s] ? (
                        <Badge key={s} color={STATUS_COLOR[s]} c="dark.7" variant="light" tt="none">
                          {t(`planning.plan.status.${s}`)}: {a.counts[s]}
                        </Badge>
                      ) : null,
                    )}
                    {a.counts.overdue ? (
                      <Badge color="red" variant="filled" tt="none">
                        {t("planning.plan.overdueCount", { count: a.counts.overdue })}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {sites.map((s) => {
                  const cell = a.perSite.find((c) => c.siteId === s.id);
                  if (!cell?.status)
                    return (
                      <Table.Td key={s.id}>
                        <Text size="xs" c="dimmed">
                          {t("planning.progress.missing")}
                        </Text>
                      </Table.Td>
                    );
                  return (
                    <Table.Td key={s.id}>
                      <Badge
                        color={cell.overdue ? "red" : STATUS_COLOR[cell.status]}
                        c={cell.overdue ? undefined : "dark.7"}
                        variant={cell.overdue ? "filled" : "light"}
                        tt="none"
                        title={cell.end ? date(cell.end) : undefined}
                      >
                        {cell.overdue ? t("planning.plan.overdue") : t(`planning.plan.status.${cell.status}`)}
                      </Badge>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
