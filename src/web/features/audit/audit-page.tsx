import { Badge, Button, Center, Paper, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.ts";
import { ErrorAlert, Loading, Page } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { type AuditFilter, useAuditLog } from "./api.ts";
import { AuditDetail } from "./audit-detail.tsx";
import { AuditFilters } from "./audit-filters.tsx";
import { VerifyChain } from "./verify-chain.tsx";

/** The audit log (administrators): filter, page back in time, open an entry's before/after, verify the chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const when = useFormatDateTime();
  const [open, setOpen] = useState<number | null>(null);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Page title={t("nav.audit")} subtitle={t("audit.subtitle")}>
      <VerifyChain />
      <AuditFilters value={filter} onChange={setFilter} />
      <Paper withBorder p="md">
        {log.isPending ? (
          <Loading />
        ) : log.error ? (
          <ErrorAlert error={log.error} />
        ) : (
          <>
            <DataTable
              caption={t("nav.audit")}
              head={[
                "#",
                t("audit.when"),
                t("audit.actor"),
                t("audit.action"),
                t("audit.entity"),
                t("audit.entityId"),
                t("common.details"),
              ]}
              rowCount={entries.length}
              empty={t("audit.none")}
            >
              {entries.map((e) => (
                <Fragment key={e.seq}>
                  <Table.Tr>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{when(e.at)}</Table.Td>
                    <Table.Td>{e.actor}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={e.action.includes("fail") ? "red" : "indigo"} tt="none">
                        {e.action}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{e.entity}</Table.Td>
                    <Table.Td>{e.entityId ?? "—"}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-expanded={open === e.seq}
                        aria-controls={`audit-${e.seq}`}
                        leftSection={
                          open === e.seq ? (
                            <IconChevronDown size={14} aria-hidden="true" />
                          ) : (
                            <IconChevronRight size={14} aria-hidden="true" />
                          )
                        }
                        onClick={() => setOpen(open === e.seq ? null : e.seq)}
                      >
                        {open === e.seq ? t("common.hide") : t("common.show")}
                        <span className="visually-hidden"> #{e.seq}</span>
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr id={`audit-${e.seq}`} hidden={open !== e.seq}>
                    <Table.Td colSpan={7}>{open === e.seq && <AuditDetail entry={e} />}</Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </DataTable>
            <Center mt="md">
              {log.hasNextPage ? (
                <Button
                  variant="default"
                  loading={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  {t("audit.older")}
                </Button>
              ) : (
                entries.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t("audit.end")}
                  </Text>
                )
              )}
            </Center>
          </>
        )}
      </Paper>
    </Page>
  );
}
