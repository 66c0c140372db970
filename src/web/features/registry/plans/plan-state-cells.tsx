import { Table } from "@mantine/core";
import type { TFunction } from "i18next";
import type { PlanState } from "../../../app/data/registry-types.ts";
import { YesNo } from "../../../app/ui/yes-no.tsx";
import { useFormatDate } from "../dates.ts";

type PlanStateShown = Pick<
  PlanState,
  | "createdDate"
  | "sharedWithPatientDate"
  | "signedByPatient"
  | "sharedWithSocialServices"
  | "sharedWithWorkInclusion"
  | "integratedActionsStarted"
>;

/** The headings of a plan's state in a table, in the order of `PlanStateCells`. */
export const planStateHeads = (t: TFunction) => [
  t("registry.plan.createdDate"),
  t("registry.plan.discussed"),
  t("registry.plan.signed"),
  t("registry.plan.socialServices"),
  t("registry.plan.workInclusion"),
  t("registry.plan.integratedActions"),
];

/** A plan's state as cells of a table row: when it was made and discussed, and its four flags. */
export function PlanStateCells({ state }: { state: PlanStateShown }) {
  const date = useFormatDate();
  return (
    <>
      <Table.Td>{date(state.createdDate)}</Table.Td>
      <Table.Td>{date(state.sharedWithPatientDate)}</Table.Td>
      <Table.Td>
        <YesNo value={state.signedByPatient} />
      </Table.Td>
      <Table.Td>
        <YesNo value={state.sharedWithSocialServices} />
      </Table.Td>
      <Table.Td>
        <YesNo value={state.sharedWithWorkInclusion} />
      </Table.Td>
      <Table.Td>
        <YesNo value={state.integratedActionsStarted} />
      </Table.Td>
    </>
  );
}
