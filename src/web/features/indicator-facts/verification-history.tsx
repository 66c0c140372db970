import { Button, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.ts";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { useFormat } from "../indicators/public.ts";
import { useVerifications } from "./api.ts";
import { DifferencesTable } from "./differences-table.tsx";
import { OutcomeBadge } from "./outcome-badge.tsx";
import type { ProgrammeFacts } from "./types.ts";

/** Every recorded verification of a programme, newest first; a run with differences opens onto its cells. */
export function VerificationHistory({ programme }: { programme: ProgrammeFacts }) {
  const { t, i18n } = useTranslation();
  const verifications = useVerifications(programme.id, true);
  const when = useFormatDateTime();
  const f = useFormat();
  const number = new Intl.NumberFormat(i18n.language);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <QueryView query={verifications}>
      {(list) => (
        <DataTable
          caption={t("facts.history.caption", { code: programme.code })}
          head={[
            t("facts.history.when"),
            t("facts.history.by"),
            t("facts.dates"),
            t("facts.cells"),
            t("facts.history.result"),
            t("facts.history.cells"),
          ]}
          rowCount={list.length}
          empty={t("facts.history.none")}
        >
          {list.map((v) => {
            const detailId = `verification-${v.id}`;
            const hasCells = v.differences > 0;
            return (
              <Fragment key={v.id}>
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{when(v.startedAt)}</Table.Td>
                  <Table.Td>{v.startedBy}</Table.Td>
                  <Table.Td>{v.asOf.map((d) => f.date(d)).join(", ")}</Table.Td>
                  <Table.Td>{number.format(v.cells)}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge verification={v} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {hasCells ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-expanded={open === v.id}
                        aria-controls={detailId}
                        leftSection={
                          open === v.id ? (
                            <IconChevronDown size={14} aria-hidden="true" />
                          ) : (
                            <IconChevronRight size={14} aria-hidden="true" />
                          )
                        }
                        onClick={() => setOpen(open === v.id ? null : v.id)}
                      >
                        {open === v.id ? t("facts.history.hideCells") : t("facts.history.showCells")}
                        <span className="visually-hidden"> {when(v.startedAt)}</span>
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {hasCells && (
                  <Table.Tr id={detailId} hidden={open !== v.id}>
                    <Table.Td colSpan={6}>{open === v.id && <DifferencesTable verification={v} />}</Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </DataTable>
      )}
    </QueryView>
  );
}
