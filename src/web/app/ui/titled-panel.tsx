import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered panel of a measures page under its own heading (level 2). */
export function TitledPanel({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
