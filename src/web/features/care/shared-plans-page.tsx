import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageQuery } from "../../app/guards.tsx";
import { Page } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { useSharedPatients } from "./api.ts";

/** "Plans shared with my service": patients whose current consent names a service of the user's sites. */
export function SharedPlansPage() {
  const { t } = useTranslation();
  const list = useSharedPatients();
  return (
    <Page title={t("care.shared.title")}>
      <Text size="sm" c="dimmed">
        {t("care.shared.hint")}
      </Text>
      <PageQuery query={list}>
        {(patients) => (
          <DataTable
            caption={t("care.shared.title")}
            head={[
              t("care.shared.patient"),
              t("care.shared.services"),
              t("care.shared.given"),
              t("common.actions"),
            ]}
            rowCount={patients.length}
            empty={t("care.shared.none")}
          >
            {patients.map((p) => (
              <Table.Tr key={p.patientId} data-patient={p.patientCode}>
                <Table.Td ff="monospace">{p.patientCode}</Table.Td>
                <Table.Td>
                  {p.services.map((s) => `${s.name} (${t(`care.scope.${s.scope}`)})`).join("; ")}
                </Table.Td>
                <Table.Td>{p.services.map((s) => s.givenDate).join("; ")}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/care/shared/${p.patientId}`}
                    aria-label={t("care.shared.openNamed", { code: p.patientCode })}
                  >
                    {t("care.shared.open")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PageQuery>
    </Page>
  );
}
