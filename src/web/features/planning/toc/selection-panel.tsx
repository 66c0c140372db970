import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The panel beside the diagram for what is selected (a box or an arrow): its heading, what is wrong with it, its fields. */
export function SelectionPanel({
  labelId,
  title,
  summary,
  problem,
  children,
}: {
  /** Id of the heading that names the section. */
  labelId: string;
  title: string;
  /** A line under the heading (the arrow's ends). */
  summary?: string;
  problem: string | undefined;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={labelId}>
      <Title order={2} size="h5" mb={summary ? 4 : "xs"} id={labelId}>
        {title}
      </Title>
      {summary && (
        <Text size="sm" mb="xs">
          {summary}
        </Text>
      )}
      <Stack gap="xs">
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
