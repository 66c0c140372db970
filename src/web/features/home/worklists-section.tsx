import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { PatientLink } from "../../app/ui/patient-link.tsx";
import { useFormatDate } from "../registry/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

type Summary = Home["worklists"][number];

const LISTS = ["earlyWindowShortfall", "withoutPlan", "planNotSigned", "withoutCaseManager"] as const;

/** Site staff: each of their sites' worklists (counts) and the early windows closing this week. */
export function WorklistsSection({ sites }: { sites: Summary[] }) {
  const { t } = useTranslation();
  return (
    <HomeSection id="home-worklists" title={t("home.worklists.title")} hint={t("home.worklists.hint")}>
      {sites.map((s) => (
        <SiteWorklists key={s.siteId} site={s} />
      ))}
    </HomeSection>
  );
}

function SiteWorklists({ site }: { site: Summary }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          {site.siteCode} — {site.siteName}
        </Title>
        <Anchor component={Link} to={`/sites/${site.siteId}/worklists`} size="sm">
          {t("home.worklists.open", { site: site.siteCode })}
        </Anchor>
      </Group>
      <SimpleGrid
        cols={{ base: 2, md: 4 }}
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {LISTS.map((l) => (
          <Paper key={l} component="li" withBorder p="xs">
            <Text size="xs" c="dimmed" fw={600}>
              {t(`home.worklists.${l}`)}
            </Text>
            <Text fw={700} fz="xl">
              {site[l]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <DataTable
        caption={t("home.worklists.dueThisWeek", { site: site.siteCode })}
        minWidth={520}
        head={[
          t("home.worklists.patient"),
          t("home.worklists.programme"),
          t("home.worklists.windowEnd"),
          t("home.worklists.psychosocial"),
        ]}
        rowCount={site.dueThisWeek.length}
        empty={t("home.worklists.noneThisWeek", { site: site.siteCode })}
      >
        {site.dueThisWeek.map((i) => (
          <Table.Tr key={i.enrolmentId}>
            <Table.Td>
              <PatientLink id={i.patientId} code={i.patientCode} />
            </Table.Td>
            <Table.Td>{i.programmeCode}</Table.Td>
            <Table.Td>{date(i.windowEnd)}</Table.Td>
            <Table.Td>
              <Text size="sm">
                {t("home.worklists.count", { count: i.psychosocial ?? 0, threshold: i.threshold ?? 0 })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
