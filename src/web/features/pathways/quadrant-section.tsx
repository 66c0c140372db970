import { Badge, Group, Table, Text } from "@mantine/core";
import { IconLayoutGrid } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { PatientSection, type PatientSectionProps, RecordButton } from "../../app/ui/patient-section.tsx";
import { useStratifications } from "./api.ts";
import { QuadrantModal } from "./quadrant-modal.tsx";

/** On the patient's page: the current Four Quadrants pathway and its history. */
export function QuadrantSection({ patient, site }: PatientSectionProps) {
  const { t } = useTranslation();
  const history = useStratifications(patient.id);
  const [open, setOpen] = useState(false);
  return (
    <PatientSection
      id="quadrant-title"
      title={t("pathways.quadrant.title")}
      hint={t("pathways.quadrant.hint")}
      action={
        site && (
          <RecordButton icon={IconLayoutGrid} onClick={() => setOpen(true)}>
            {t("pathways.quadrant.record")}
          </RecordButton>
        )
      }
    >
      <QueryView query={history}>
        {(list) => (
          <>
            {list[0] ? (
              <Group gap="xs" data-current-quadrant={list[0].quadrant}>
                <Badge size="lg" variant="filled" color="indigo.9">
                  {list[0].quadrant}
                </Badge>
                <Text size="sm">
                  {t("pathways.quadrant.current", {
                    quadrant: t(`pathways.quadrant.label.${list[0].quadrant}`),
                    date: list[0].date,
                  })}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t("pathways.quadrant.none")}
              </Text>
            )}
            {list.length > 0 && (
              <DataTable
                caption={t("pathways.quadrant.history")}
                head={[
                  t("pathways.quadrant.fields.date"),
                  t("pathways.quadrant.fields.quadrant"),
                  t("pathways.quadrant.fields.mentalHealthSeverity"),
                  t("pathways.quadrant.fields.coOccurringSeverity"),
                  t("pathways.quadrant.fields.site"),
                  t("pathways.quadrant.fields.note"),
                ]}
                rowCount={list.length}
                empty={t("pathways.quadrant.none")}
                minWidth={640}
              >
                {list.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>{q.date}</Table.Td>
                    <Table.Td fw={600}>{q.quadrant}</Table.Td>
                    <Table.Td>{t(`pathways.quadrant.severity.${q.mentalHealthSeverity}`)}</Table.Td>
                    <Table.Td>{t(`pathways.quadrant.severity.${q.coOccurringSeverity}`)}</Table.Td>
                    <Table.Td>{q.siteCode}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {q.note || "—"}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </>
        )}
      </QueryView>
      {open && site && <QuadrantModal patient={patient} site={site} onClose={() => setOpen(false)} />}
    </PatientSection>
  );
}
