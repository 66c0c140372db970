import { Table } from "@mantine/core";
import { IconHandOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { PatientSection, type PatientSectionProps, RecordButton } from "../../app/ui/patient-section.tsx";
import { useDeclinedOffers } from "./api.ts";
import { DeclineModal } from "./decline-modal.tsx";

/** On the patient's page: the practices offered and declined, and recording one more. */
export function DeclinedOffersSection({ patient, site }: PatientSectionProps) {
  const { t } = useTranslation();
  const offers = useDeclinedOffers(patient.id);
  const [open, setOpen] = useState(false);
  return (
    <PatientSection
      id="declined-title"
      title={t("offers.sectionTitle")}
      hint={t("offers.hint")}
      action={
        site && (
          <RecordButton icon={IconHandOff} onClick={() => setOpen(true)}>
            {t("offers.record")}
          </RecordButton>
        )
      }
    >
      <QueryView query={offers}>
        {(list) => (
          <DataTable
            caption={t("offers.sectionTitle")}
            head={[
              t("offers.fields.offerDate"),
              t("offers.fields.programme"),
              t("offers.site"),
              t("offers.fields.reason"),
            ]}
            rowCount={list.length}
            empty={t("offers.none")}
            minWidth={480}
          >
            {list.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.offerDate}</Table.Td>
                <Table.Td>{o.programmeCode}</Table.Td>
                <Table.Td>{o.siteCode}</Table.Td>
                <Table.Td>{t(`offers.reason.${o.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      {open && site && <DeclineModal patient={patient} site={site} onClose={() => setOpen(false)} />}
    </PatientSection>
  );
}
