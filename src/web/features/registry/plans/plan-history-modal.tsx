import { Modal, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePlanHistory } from "../../../app/data/registry.ts";
import type { TreatmentPlan } from "../../../app/data/registry-types.ts";
import { useFormatDateTime } from "../../../app/format.ts";
import { QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useFormatDate } from "../dates.ts";
import { PlanFlag } from "./plan-flag.tsx";

/** Every saved version of a plan: when, by whom, and the plan as it was then. */
export function PlanHistoryModal({ plan, onClose }: { plan: TreatmentPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const history = usePlanHistory(plan.id);
  const when = useFormatDateTime();
  const date = useFormatDate();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("registry.plan.historyTitle", { code: plan.code })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <QueryView query={history}>
        {(h) => (
          <DataTable
            caption={t("registry.plan.historyTitle", { code: plan.code })}
            minWidth={820}
            head={[
              t("registry.plan.version"),
              t("registry.plan.changedAt"),
              t("registry.plan.changedBy"),
              t("registry.plan.createdDate"),
              t("registry.plan.discussed"),
              t("registry.plan.signed"),
              t("registry.plan.socialServices"),
              t("registry.plan.workInclusion"),
              t("registry.plan.integratedActions"),
            ]}
            rowCount={h.versions.length}
            empty={t("registry.plan.noHistory")}
          >
            {[...h.versions].reverse().map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>v{v.version}</Table.Td>
                <Table.Td>{when(v.changedAt)}</Table.Td>
                <Table.Td>{v.changedBy}</Table.Td>
                <Table.Td>{date(v.state.createdDate)}</Table.Td>
                <Table.Td>{date(v.state.sharedWithPatientDate)}</Table.Td>
                <Table.Td>
                  <PlanFlag value={v.state.signedByPatient} />
                </Table.Td>
                <Table.Td>
                  <PlanFlag value={v.state.sharedWithSocialServices} />
                </Table.Td>
                <Table.Td>
                  <PlanFlag value={v.state.sharedWithWorkInclusion} />
                </Table.Td>
                <Table.Td>
                  <PlanFlag value={v.state.integratedActionsStarted} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Modal>
  );
}
