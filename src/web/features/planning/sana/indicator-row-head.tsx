import { Table, Text } from "@mantine/core";

/** A SANA indicator as the heading of its table row: its name, and its unit below when it has one. */
export function IndicatorRowHead({ indicator }: { indicator: { name: string; unit?: string | null } }) {
  return (
    <Table.Th scope="row" fw={400}>
      <Text size="sm" fw={600}>
        {indicator.name}
      </Text>
      {indicator.unit && (
        <Text size="xs" c="dimmed">
          {indicator.unit}
        </Text>
      )}
    </Table.Th>
  );
}
