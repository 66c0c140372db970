import { Button, Table, Text } from "@mantine/core";
import { IconFlag } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { useUptake } from "../offers/public.ts";
import { useSiteStatus } from "./api.ts";
import { ChangeStatusModal } from "./change-status-modal.tsx";
import { StatusBadge } from "./status-badge.tsx";
import type { SiteStatusRow } from "./types.ts";

/** The programme's sites with their implementation status, and the change-status modal. */
export function SiteStatusCard({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const list = useSiteStatus(programmeId);
  const uptake = useUptake(programmeId);
  const uptakeOf = (siteId: number) => {
    const u = uptake.data?.sites.find((s) => s.siteId === siteId);
    if (!u) return "…";
    if (u.suppressed) return t("offers.uptakeHidden");
    if (u.uptake === null) return t("offers.uptakeNone");
    const pct = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 }).format(
      u.uptake,
    );
    return `${pct} (${t("offers.uptakeOf", { enrolled: u.enrolled, offered: (u.enrolled ?? 0) + (u.declined ?? 0) })})`;
  };
  const [editing, setEditing] = useState<SiteStatusRow | null>(null);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const reload = async () => {
    const fresh = await list.refetch();
    return fresh.data?.sites.find((s) => s.siteId === editing?.siteId);
  };
  return (
    <TitledPanel title={t("siteStatus.title")} hint={t("siteStatus.hint")}>
      <QueryView query={list}>
        {(data) => (
          <DataTable
            caption={t("siteStatus.title")}
            head={[
              t("common.code"),
              t("common.name"),
              t("siteStatus.fields.status"),
              t("siteStatus.since"),
              t("siteStatus.fields.reason"),
              t("siteStatus.fields.note"),
              t("siteStatus.changedBy"),
              t("offers.uptake"),
              "",
            ]}
            rowCount={data.sites.length}
            empty={t("programmes.noSites")}
            minWidth={920}
          >
            {data.sites.map((s) => (
              <Table.Tr key={s.siteId} data-site={s.siteCode}>
                <Table.Td fw={600}>{s.siteCode}</Table.Td>
                <Table.Td>{s.siteName}</Table.Td>
                <Table.Td>
                  <StatusBadge status={s.current?.status ?? null} />
                </Table.Td>
                <Table.Td>{s.current ? date(s.current.effectiveDate) : "—"}</Table.Td>
                <Table.Td>{s.current?.reason ? t(`siteStatus.reason.${s.current.reason}`) : "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {s.current?.note || "—"}
                  </Text>
                  {s.history.length > 1 && (
                    <Text size="xs" c="dimmed">
                      {t("siteStatus.earlier", { count: s.history.length - 1 })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.current?.changedBy ?? "—"}</Table.Td>
                <Table.Td data-uptake>{uptakeOf(s.siteId)}</Table.Td>
                <Table.Td>
                  {s.canChange && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconFlag size={14} aria-hidden="true" />}
                      onClick={() => setEditing(s)}
                      aria-label={t("siteStatus.changeFor", { site: s.siteCode })}
                    >
                      {t("siteStatus.change")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      {editing && (
        <ChangeStatusModal
          programmeId={programmeId}
          site={editing}
          onReload={reload}
          onClose={() => setEditing(null)}
        />
      )}
    </TitledPanel>
  );
}
