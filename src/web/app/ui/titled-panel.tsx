import { Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A bordered panel of a page under its own heading (level 2), with what it shows in a dimmed
 * line below when there is a `hint`. With an `id`, the panel is a section named by its heading.
 */
export function TitledPanel({
  title,
  hint,
  id,
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  id?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component={id ? "section" : "div"} aria-labelledby={id}>
      <Title order={2} size="h4" mb={hint ? 4 : "sm"} id={id}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
