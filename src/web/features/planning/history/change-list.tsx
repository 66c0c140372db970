import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { planningEn } from "../messages.en.ts";
import type { Change } from "../types.ts";
import { describePath, describeValue } from "./change-path.ts";

const COLOR = { added: "teal", removed: "red", changed: "blue" } as const;

/** The changes between two versions, one row each: what, where, before and after. */
export function ChangeList({ changes, from, to }: { changes: Change[]; from: unknown; to: unknown }) {
  const { t } = useTranslation();
  const field = (name: string): string =>
    name in planningEn.fields ? t(`planning.fields.${name as keyof typeof planningEn.fields}`) : name;
  return (
    <DataTable
      caption={t("planning.history.changes")}
      head={[
        t("planning.history.change"),
        t("planning.history.where"),
        t("planning.history.before"),
        t("planning.history.after"),
      ]}
      rowCount={changes.length}
      empty={t("planning.history.noChanges")}
      minWidth={720}
    >
      {changes.map((c) => (
        <Table.Tr key={`${c.type}-${c.path.join("/")}-${describeValue(c.before)}-${describeValue(c.after)}`}>
          <Table.Td w={120}>
            <Badge color={COLOR[c.type]} c="dark.7" variant="light" tt="none">
              {t(`planning.history.type.${c.type}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Group gap={4} wrap="wrap">
              {describePath(c.path, c.type === "removed" ? [from, to] : [to, from], field).map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the steps of one path
                <Text key={i} size="sm" span>
                  {i > 0 && "› "}
                  {w}
                </Text>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm" td={c.type !== "added" ? "line-through" : undefined} c="dimmed">
              {describeValue(c.before)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Stack gap={0}>
              <Text size="sm">{describeValue(c.after)}</Text>
            </Stack>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
