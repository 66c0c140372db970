import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconHandOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { useDeclinedOffers } from "./api.ts";
import { DeclineModal } from "./decline-modal.tsx";

/** On the patient's page: the practices offered and declined, and recording one more. */
export function DeclinedOffersSection({
  patient,
  site,
}: {
  patient: { id: number; code: string };
  site: { id: number; code: string } | null;
}) {
  const { t } = useTranslation();
  const offers = useDeclinedOffers(patient.id);
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="declined-title">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4" id="declined-title">
            {t("offers.sectionTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("offers.hint")}
          </Text>
        </div>
        {site && (
          <Button
            variant="default"
            leftSection={<IconHandOff size={16} aria-hidden="true" />}
            onClick={() => setOpen(true)}
          >
            {t("offers.record")}
          </Button>
        )}
      </Group>
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
    </Stack>
  );
}
