import { Group, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A card on a hub page (a programme's or a site's page): a capability's title and what it offers,
 * with the buttons that lead into it on the right. `heading` makes the title a heading of the page
 * (the site page's sections are found by it).
 */
export function SectionCard({
  title,
  hint,
  heading,
  children,
}: {
  title: string;
  hint: string;
  heading?: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align={heading ? "center" : undefined} gap="sm">
        <div>
          {heading ? (
            <Title order={2} size="h4">
              {title}
            </Title>
          ) : (
            <Text fw={600}>{title}</Text>
          )}
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Group>
    </Paper>
  );
}
