import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** One part of the indicator editor: a bordered fieldset named by its legend (a level-2 heading). */
export function EditorFieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="fieldset" m={0}>
      <Title order={2} size="h5" component="legend" px={4}>
        {legend}
      </Title>
      {children}
    </Paper>
  );
}
