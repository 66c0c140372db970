import { Table } from "@mantine/core";
import { TwoLineText } from "../../../app/ui/two-line-text.tsx";

/** A SANA indicator as the heading of its table row: its name, and its unit below when it has one. */
export function IndicatorRowHead({ indicator }: { indicator: { name: string; unit?: string | null } }) {
  return (
    <Table.Th scope="row" fw={400}>
      <TwoLineText main={indicator.name} sub={indicator.unit} />
    </Table.Th>
  );
}
