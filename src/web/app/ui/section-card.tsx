import { Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A card on a hub page (a programme's page): a capability's title and what it offers, with the
 * buttons that lead into it on the right.
 */
export function SectionCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Group>
    </Paper>
  );
}
