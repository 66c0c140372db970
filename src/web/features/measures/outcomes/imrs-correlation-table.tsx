import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useImrsCorrelation } from "../api.ts";
import { useFormatNumber } from "../labels.ts";
import type { ImrsCorrelation } from "../types.ts";

type Row = ImrsCorrelation["programme"];

/** Pearson's r between client and clinician IMRS per site and overall, with p and 95% CI. */
export function ImrsCorrelationTable({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const correlation = useImrsCorrelation(programmeId);
  const cells = (r: Row) =>
    r.suppressed ? (
      <Table.Td colSpan={6}>
        <Text size="sm" c="dimmed">
          {t("measures.programmeOutcomes.suppressed")}
        </Text>
      </Table.Td>
    ) : (
      <>
        <Table.Td>{num(r.n)}</Table.Td>
        <Table.Td>{num(r.clientMean, 1)}</Table.Td>
        <Table.Td>{num(r.clinicianMean, 1)}</Table.Td>
        <Table.Td fw={700}>{num(r.r)}</Table.Td>
        <Table.Td>{r.pValue === null ? "—" : r.pValue < 0.001 ? "< 0.001" : num(r.pValue, 3)}</Table.Td>
        <Table.Td>{r.ci ? `${num(r.ci[0])} – ${num(r.ci[1])}` : "—"}</Table.Td>
      </>
    );
  return (
    <QueryView query={correlation}>
      {(c) => (
        <>
          <DataTable
            caption={t("measures.programmeOutcomes.correlation")}
            head={[
              t("measures.funnel.site"),
              t("measures.programmeOutcomes.pairs"),
              t("measures.programmeOutcomes.clientMean"),
              t("measures.programmeOutcomes.clinicianMean"),
              "r",
              "p",
              t("measures.programmeOutcomes.ci"),
            ]}
            rowCount={c.sites.length + 1}
            empty="—"
          >
            {c.sites.map((s) => (
              <Table.Tr key={s.siteId}>
                <Table.Th scope="row">{s.siteCode}</Table.Th>
                {cells(s)}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t("measures.funnel.allSites")}</Table.Th>
              {cells(c.programme)}
            </Table.Tr>
          </DataTable>
          <Text size="xs" c="dimmed" mt="xs">
            {c.method}
          </Text>
        </>
      )}
    </QueryView>
  );
}
