import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A name in bold with, when there is one, a dimmed line below it (a unit, a note, a full name): a table's row label. */
export function TwoLineText({ main, sub }: { main: ReactNode; sub?: ReactNode }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {main}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </>
  );
}
