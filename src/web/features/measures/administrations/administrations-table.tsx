import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useAdministrations } from "../api.ts";
import { BandBadge } from "../instruments/band-badge.tsx";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";

/** The administrations recorded in Praxis, each with the instrument version it was scored by. */
export function AdministrationsTable({ patientId }: { patientId: number }) {
  const { t } = useTranslation();
  const list = useAdministrations(patientId);
  const date = useFormatDate();
  const num = useFormatNumber();
  return (
    <QueryView query={list}>
      {({ items }) => (
        <DataTable
          caption={t("measures.section.administrations")}
          head={[
            t("measures.outcomes.date"),
            t("measures.form.instrument"),
            t("measures.outcomes.timepoint"),
            t("measures.outcomes.respondent"),
            t("measures.administrations.entry"),
            t("measures.outcomes.total"),
            t("measures.outcomes.band"),
            t("common.code"),
          ]}
          rowCount={items.length}
          empty={t("measures.administrations.none")}
          minWidth={760}
        >
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{date(a.date)}</Table.Td>
              <Table.Td>
                {a.instrument}{" "}
                <Tag size="xs" variant="outline" color="gray.7" tt="none">
                  v{a.instrumentVersion}
                </Tag>
              </Table.Td>
              <Table.Td>{t(`measures.timepoints.${a.timepoint}`)}</Table.Td>
              <Table.Td>{t(`measures.respondents.${a.respondent}`)}</Table.Td>
              <Table.Td>
                {a.entry === "items"
                  ? t("measures.administrations.itemsAnswered", {
                      answered: a.result.answered,
                      missing: a.result.missing.length,
                    })
                  : t("measures.form.entryTotal")}
              </Table.Td>
              <Table.Td fw={600}>
                {num(a.total)}
                {a.result.unscoredReason && (
                  <Text size="xs" c="orange.9" fw={400}>
                    {a.result.unscoredReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <BandBadge band={a.result.band} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {a.code}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </QueryView>
  );
}
