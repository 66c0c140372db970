import { Button, Table, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorklistItem } from "../../../app/data/registry-types.ts";
import { CountTableCard } from "../../../app/ui/count-table-card.tsx";
import { PatientLink } from "../../../app/ui/patient-link.tsx";
import { useFormatDate } from "../dates.ts";

const SHOWN = 10;

/** One worklist: its count, the most urgent patients first, what to do for each. */
export function WorklistCard({
  id,
  title,
  hint,
  list,
  extraHead,
  extra,
  action,
}: {
  id: string;
  title: string;
  hint: string;
  list: { total: number; items: WorklistItem[] };
  extraHead?: string;
  extra?: (item: WorklistItem) => ReactNode;
  action: (item: WorklistItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const [all, setAll] = useState(false);
  const items = all ? list.items : list.items.slice(0, SHOWN);
  return (
    <CountTableCard
      id={id}
      title={title}
      hint={hint}
      total={list.total}
      countLabel={t("registry.worklists.countLabel", { count: list.total })}
      head={[
        t("registry.patient.code"),
        t("registry.worklists.programme"),
        t("registry.worklists.enrolled"),
        ...(extraHead ? [extraHead] : []),
        t("common.actions"),
      ]}
      rowCount={items.length}
      empty={t("registry.worklists.empty")}
      footer={
        <>
          {list.items.length > SHOWN && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setAll(!all)}
              aria-expanded={all}
              style={{ alignSelf: "flex-start" }}
            >
              {all
                ? t("registry.worklists.fewer")
                : t("registry.worklists.all", { count: list.items.length })}
            </Button>
          )}
          {list.total > list.items.length && (
            <Text size="xs" c="dimmed">
              {t("registry.worklists.capped", { shown: list.items.length, total: list.total })}
            </Text>
          )}
        </>
      }
    >
      {items.map((i) => (
        <Table.Tr key={`${i.enrolmentId}-${i.planId ?? ""}`}>
          <Table.Td>
            <PatientLink id={i.patientId} code={i.patientCode} />
          </Table.Td>
          <Table.Td>{i.programmeCode}</Table.Td>
          <Table.Td>{date(i.enrolmentDate)}</Table.Td>
          {extra && <Table.Td>{extra(i)}</Table.Td>}
          <Table.Td>{action(i)}</Table.Td>
        </Table.Tr>
      ))}
    </CountTableCard>
  );
}
