import { Group, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { AddButton } from "../../../app/ui/list-buttons.tsx";

/**
 * A section of a site's workforce page: its heading (which names the section), the button that
 * adds to it for those who manage the site, and its list.
 */
export function WorkforceSection({
  id,
  title,
  addLabel,
  onAdd,
  children,
}: {
  id: string;
  title: string;
  addLabel: string;
  /** Absent when the user may not add. */
  onAdd: (() => void) | null;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {onAdd && <AddButton onClick={onAdd}>{addLabel}</AddButton>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
