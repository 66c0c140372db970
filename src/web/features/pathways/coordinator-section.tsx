import { Badge, Button, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canUseRegistryAt } from "../../app/data/registry-access.ts";
import { QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { DataTable } from "../../app/table.tsx";
import { PatientSection, type PatientSectionProps } from "../../app/ui/patient-section.tsx";
import { useCoordinators } from "./api.ts";
import { CoordinatorModal } from "./coordinator-modal.tsx";
import type { EnrolmentCoordinator } from "./types.ts";

/** On the patient's page: each enrolment's named coordinator, changed among the site's team. */
export function CoordinatorSection({ patient }: Pick<PatientSectionProps, "patient">) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useCoordinators(patient.id);
  const [editing, setEditing] = useState<EnrolmentCoordinator | null>(null);
  return (
    <PatientSection
      id="coordinator-title"
      title={t("pathways.coordinator.title")}
      hint={t("pathways.coordinator.hint")}
    >
      <QueryView query={list}>
        {(rows) => (
          <DataTable
            caption={t("pathways.coordinator.title")}
            head={[
              t("pathways.coordinator.enrolment"),
              t("pathways.coordinator.programme"),
              t("pathways.coordinator.site"),
              t("pathways.coordinator.coordinator"),
              t("common.actions"),
            ]}
            rowCount={rows.length}
            empty={t("pathways.coordinator.none")}
            minWidth={560}
          >
            {rows.map((e) => (
              <Table.Tr key={e.enrolmentId} data-enrolment={e.enrolmentCode}>
                <Table.Td ff="monospace">{e.enrolmentCode}</Table.Td>
                <Table.Td>{e.programmeCode}</Table.Td>
                <Table.Td>{e.siteCode}</Table.Td>
                <Table.Td data-coordinator>
                  {e.coordinator ? (
                    `${e.coordinator.code} — ${t(`profiles.${e.coordinator.profile}`)}`
                  ) : e.caseManagerCode ? (
                    <Badge variant="light" color="orange">
                      {t("pathways.coordinator.legacy", { code: e.caseManagerCode })}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("pathways.coordinator.unnamed")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canUseRegistryAt(me, e.siteId) && e.endDate === null && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing(e)}
                      aria-label={t("pathways.coordinator.changeFor", { code: e.enrolmentCode })}
                    >
                      {t("pathways.coordinator.change")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      {editing && <CoordinatorModal enrolment={editing} onClose={() => setEditing(null)} />}
    </PatientSection>
  );
}
