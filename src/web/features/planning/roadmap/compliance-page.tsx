import { Alert, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useCompliance } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { useDateTime } from "../format.ts";
import { planningUrl } from "../scope.ts";
import type { Compliance } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";

/** Which sites have compiled their roadmap, and which have not. */
export function CompliancePage() {
  return <PlanningRoute>{(programme) => <ComplianceLoader programme={programme} />}</PlanningRoute>;
}

function ComplianceLoader({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const compliance = useCompliance(programme.id);
  return (
    <Page
      title={t("planning.compliance.title")}
      subtitle={t("planning.compliance.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planning.compliance.title") },
      ]}
    >
      <QueryView query={compliance}>{(c) => <ComplianceTable compliance={c} />}</QueryView>
    </Page>
  );
}

function ComplianceTable({ compliance: c }: { compliance: Compliance }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <>
      <Alert
        color={c.missing.length ? "orange" : "teal"}
        variant="light"
        styles={{ message: { color: "var(--mantine-color-text)" } }}
      >
        {t("planning.compliance.summary", { compiled: c.compiled, expected: c.expected })}
        {c.missing.length > 0 && (
          <Text size="sm" mt={4}>
            {t("planning.compliance.missing", { sites: c.missing.join(", ") })}
          </Text>
        )}
      </Alert>
      <DataTable
        caption={t("planning.compliance.title")}
        head={[
          t("planning.scope"),
          t("planning.compliance.compiled"),
          t("planning.fields.objectives"),
          t("planning.history.savedAt"),
          t("planning.history.savedBy"),
        ]}
        rowCount={c.sites.length + 1}
        empty=""
      >
        {[{ id: 0, code: t("planning.region"), name: "", ...c.region }, ...c.sites].map((s) => (
          <Table.Tr key={s.id}>
            <Table.Th scope="row" fw={600}>
              {s.code}
              {s.name && (
                <Text size="xs" c="dimmed">
                  {s.name}
                </Text>
              )}
            </Table.Th>
            <Table.Td>
              <Badge color={s.compiled ? "teal" : "orange"} c="dark.7" variant="light" tt="none">
                {s.compiled ? t("planning.compliance.yes") : t("planning.compliance.no")}
              </Badge>
            </Table.Td>
            <Table.Td>{s.objectives}</Table.Td>
            <Table.Td>{s.savedAt ? when(s.savedAt) : "—"}</Table.Td>
            <Table.Td>{s.savedBy ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
