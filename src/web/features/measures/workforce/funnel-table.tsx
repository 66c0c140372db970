import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { useFormatNumber } from "../labels.ts";
import type { FunnelCounts } from "../types.ts";

/** The counted columns, as keys under `measures.funnel`. */
const FUNNEL_HEADS = [
  "professionals",
  "trained",
  "trainedInTeam",
  "delivering",
  "deliveringUntrained",
] as const;

export interface FunnelRow {
  key: string;
  label: ReactNode;
  counts: FunnelCounts;
}

/** Funnel counts per row (site or profile) with each step as a share of those trained. */
export function FunnelTable({ caption, first, rows }: { caption: string; first: string; rows: FunnelRow[] }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const share = (part: number | null, whole: number | null) =>
    part === null || whole === null || whole === 0 ? "" : ` (${num((part / whole) * 100, 0)} %)`;
  return (
    <DataTable
      caption={caption}
      head={[first, ...FUNNEL_HEADS.map((k) => t(`measures.funnel.${k}`))]}
      rowCount={rows.length}
      empty="—"
      minWidth={640}
    >
      {rows.map(({ key, label, counts: c }) => (
        <Table.Tr key={key}>
          <Table.Th scope="row">{label}</Table.Th>
          {c.suppressed && c.professionals === null ? (
            <Table.Td colSpan={5}>
              <Text size="sm" c="dimmed">
                {t("measures.funnel.suppressed")}
              </Text>
            </Table.Td>
          ) : (
            <>
              <Table.Td>{num(c.professionals)}</Table.Td>
              <Table.Td>{num(c.trained)}</Table.Td>
              <Table.Td>
                {num(c.trainedInTeam)}
                {share(c.trainedInTeam, c.trained)}
              </Table.Td>
              <Table.Td>
                {num(c.delivering)}
                {share(c.delivering, c.trained)}
              </Table.Td>
              <Table.Td>{num(c.deliveringUntrained)}</Table.Td>
            </>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
