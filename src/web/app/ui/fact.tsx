import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A labelled value in a page's summary (programme, group, patient, facts card). */
export function Fact({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" fw={strong ? 500 : undefined}>
        {children}
      </Text>
    </div>
  );
}
