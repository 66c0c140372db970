import { Anchor, Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useAssessmentOverview } from "./api.ts";
import { assessmentPath } from "./paths.ts";

/** On the planning overview (embedded by planning): each site's latest self-assessment against the region's protocol. */
export function AssessmentOverviewCard({
  programmeId,
  sites,
}: {
  programmeId: number;
  sites: Array<{ siteId: number; code: string }>;
}) {
  const { t } = useTranslation();
  const overview = useAssessmentOverview(programmeId);
  const rows = overview.data?.sites ?? [];
  const code = new Map(sites.map((s) => [s.siteId, s.code]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assessment-overview">
      <Title order={2} size="h4" id="assessment-overview">
        {t("protocols.overviewTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("protocols.overviewHint")}
      </Text>
      <DataTable
        caption={t("protocols.overviewCaption")}
        empty={t("protocols.overviewEmpty")}
        rowCount={rows.length}
        head={[t("protocols.site"), t("protocols.assessedOn"), t("protocols.mean"), t("protocols.below")]}
      >
        {rows.map((r) => (
          <Table.Tr key={r.siteId} data-testid="assessment-overview-row">
            <Table.Td>
              <Anchor component={Link} to={assessmentPath(r.protocolId, r.siteId)}>
                {code.get(r.siteId) ?? r.siteId}
              </Anchor>
            </Table.Td>
            <Table.Td>{r.assessedOn}</Table.Td>
            <Table.Td>{r.meanLevel.toFixed(1)}</Table.Td>
            <Table.Td>
              {r.below.length
                ? r.below.map((b) => `${b.title} (${b.level})`).join("; ")
                : t("protocols.none")}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}
