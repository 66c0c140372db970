import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { DataTable } from "../table.tsx";

/**
 * A worklist as a card: a titled section with its hint, the count of what waits (red while
 * anything does, teal when nothing), then the table of the rows shown, and what follows it (show
 * all, a cap). The section is named by its title; `id` also marks it (`data-worklist`) for tests.
 */
export function CountTableCard({
  id,
  title,
  hint,
  total,
  countLabel,
  head,
  rowCount,
  empty,
  children,
  footer,
}: {
  id: string;
  title: string;
  hint: string;
  total: number;
  /** The count badge read aloud ("3 patients"). */
  countLabel: string;
  head: ReactNode[];
  rowCount: number;
  empty: string;
  /** The table's rows. */
  children: ReactNode;
  footer?: ReactNode;
}) {
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
            variant={total === 0 ? "light" : "filled"}
            color={total === 0 ? "teal" : "red.9"}
            style={{ flexShrink: 0 }}
            aria-label={countLabel}
          >
            {total}
          </Badge>
        </Group>
        <DataTable caption={title} minWidth={0} head={head} rowCount={rowCount} empty={empty}>
          {children}
        </DataTable>
        {footer}
      </Stack>
    </Paper>
  );
}
