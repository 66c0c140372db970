import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { useWaitingTimes } from "./api.ts";
import type { WaitingTimes } from "./types.ts";

type Cells = WaitingTimes["programme"];

/** On the programme page: referral waiting times per site (median, 90th percentile, pending over N). */
export function WaitingTimesCard({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const data = useWaitingTimes(programmeId);
  const num = (x: number | null) =>
    x === null ? "—" : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(x);
  const cells = (c: Cells) =>
    c.suppressed ? (
      <Table.Td colSpan={4}>
        <Text size="sm" c="dimmed">
          {t("pathways.waiting.hidden")}
        </Text>
      </Table.Td>
    ) : (
      <>
        <Table.Td>{c.referrals}</Table.Td>
        <Table.Td data-median>{num(c.medianDays)}</Table.Td>
        <Table.Td>{num(c.p90Days)}</Table.Td>
        <Table.Td data-pending-over>{c.pendingOver}</Table.Td>
      </>
    );
  return (
    <TitledPanel title={t("pathways.waiting.title")} hint={t("pathways.waiting.hint")} id="waiting-title">
      <QueryView query={data}>
        {(w) => (
          <DataTable
            caption={t("pathways.waiting.title")}
            head={[
              t("pathways.waiting.site"),
              t("pathways.waiting.referrals"),
              t("pathways.waiting.median"),
              t("pathways.waiting.p90"),
              t("pathways.waiting.pendingOver", { days: w.overDays }),
            ]}
            rowCount={w.sites.length + 1}
            empty=""
            minWidth={560}
          >
            {w.sites.map((s) => (
              <Table.Tr key={s.siteId} data-site={s.siteCode}>
                <Table.Td fw={600}>{s.siteCode}</Table.Td>
                {cells(s)}
              </Table.Tr>
            ))}
            <Table.Tr data-site="programme">
              <Table.Td fw={700}>{t("pathways.waiting.programme")}</Table.Td>
              {cells(w.programme)}
            </Table.Tr>
          </DataTable>
        )}
      </QueryView>
    </TitledPanel>
  );
}
