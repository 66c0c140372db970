import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePlanHistory } from "../../../app/data/registry.ts";
import type { TreatmentPlan } from "../../../app/data/registry-types.ts";
import { useFormatDateTime } from "../../../app/format.ts";
import { QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { AppModal } from "../../../app/ui/app-modal.tsx";
import { PlanStateCells, planStateHeads } from "./plan-state-cells.tsx";

/** Every saved version of a plan: when, by whom, and the plan as it was then. */
export function PlanHistoryModal({ plan, onClose }: { plan: TreatmentPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const history = usePlanHistory(plan.id);
  const when = useFormatDateTime();
  return (
    <AppModal onClose={onClose} size="xl" title={t("registry.plan.historyTitle", { code: plan.code })}>
      <QueryView query={history}>
        {(h) => (
          <DataTable
            caption={t("registry.plan.historyTitle", { code: plan.code })}
            minWidth={820}
            head={[
              t("registry.plan.version"),
              t("registry.plan.changedAt"),
              t("registry.plan.changedBy"),
              ...planStateHeads(t),
            ]}
            rowCount={h.versions.length}
            empty={t("registry.plan.noHistory")}
          >
            {[...h.versions].reverse().map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>v{v.version}</Table.Td>
                <Table.Td>{when(v.changedAt)}</Table.Td>
                <Table.Td>{v.changedBy}</Table.Td>
                <PlanStateCells state={v.state} />
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </AppModal>
  );
}
