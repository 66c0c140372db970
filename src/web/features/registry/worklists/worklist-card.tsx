import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { WorklistItem } from "../../../app/data/registry-types.ts";
import { DataTable } from "../../../app/table.tsx";
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
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-worklist={id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} size="h4" id={id}>
              {title}
            </Title>
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          </div>
          <Badge
            size="lg"
            variant={list.total === 0 ? "light" : "filled"}
            color={list.total === 0 ? "teal" : "red.9"}
            style={{ flexShrink: 0 }}
            aria-label={t("registry.worklists.countLabel", { count: list.total })}
          >
            {list.total}
          </Badge>
        </Group>
        <DataTable
          caption={title}
          minWidth={0}
          head={[
            t("registry.patient.code"),
            t("registry.worklists.programme"),
            t("registry.worklists.enrolled"),
            ...(extraHead ? [extraHead] : []),
            t("common.actions"),
          ]}
          rowCount={items.length}
          empty={t("registry.worklists.empty")}
        >
          {items.map((i) => (
            <Table.Tr key={`${i.enrolmentId}-${i.planId ?? ""}`}>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${i.patientId}`} ff="monospace" fw={600}>
                  {i.patientCode}
                </Anchor>
              </Table.Td>
              <Table.Td>{i.programmeCode}</Table.Td>
              <Table.Td>{date(i.enrolmentDate)}</Table.Td>
              {extra && <Table.Td>{extra(i)}</Table.Td>}
              <Table.Td>{action(i)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {list.items.length > SHOWN && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setAll(!all)}
            aria-expanded={all}
            style={{ alignSelf: "flex-start" }}
          >
            {all ? t("registry.worklists.fewer") : t("registry.worklists.all", { count: list.items.length })}
          </Button>
        )}
        {list.total > list.items.length && (
          <Text size="xs" c="dimmed">
            {t("registry.worklists.capped", { shown: list.items.length, total: list.total })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
