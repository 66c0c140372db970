import { Button, Group, Paper, Stack, Table, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconHistory, IconPlus, IconSignature } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdatePlan } from "../../../app/data/registry.ts";
import type { TreatmentPlan } from "../../../app/data/registry-types.ts";
import { useDescribeError } from "../../../app/errors.ts";
import { DataTable, EditButton } from "../../../app/table.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { PlanCreateModal } from "./plan-create-modal.tsx";
import { PlanEditModal } from "./plan-edit-modal.tsx";
import { PlanHistoryModal } from "./plan-history-modal.tsx";
import { PlanStateCells, planStateHeads } from "./plan-state-cells.tsx";

/**
 * The patient's individual treatment plans: what was done with each (discussed, signed, shared,
 * integrated actions), a new plan, a change (a new version), the signature in one click, history.
 */
export function PlansSection({
  patient,
  plans,
  site,
  onReload,
}: {
  patient: { id: number; code: string };
  plans: TreatmentPlan[];
  site: { id: number; code: string } | null;
  onReload: () => Promise<TreatmentPlan[] | undefined>;
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const update = useUpdatePlan();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [history, setHistory] = useState<TreatmentPlan | null>(null);
  const editingPlan = plans.find((p) => p.id === editing);
  const sorted = [...plans].sort((a, b) => b.createdDate.localeCompare(a.createdDate) || b.id - a.id);

  const sign = (plan: TreatmentPlan) =>
    update.mutate(
      { id: plan.id, body: { baseVersion: plan.version, signedByPatient: true } },
      {
        onSuccess: (saved) => notifySaved(t("registry.plan.signedDone", { code: saved.code })),
        onError: (err) =>
          notifications.show({ color: "red", title: t("errors.title"), message: describe(err) }),
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plans-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="plans-title">
            {t("registry.plan.title")}
          </Title>
          {site && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t("registry.plan.new")}
            </Button>
          )}
        </Group>
        <DataTable
          caption={t("registry.plan.title")}
          minWidth={900}
          head={[
            t("registry.plan.code"),
            ...planStateHeads(t),
            t("registry.plan.version"),
            t("common.actions"),
          ]}
          rowCount={sorted.length}
          empty={t("registry.plan.none")}
        >
          {sorted.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td ff="monospace">{p.code}</Table.Td>
              <PlanStateCells state={p} />
              <Table.Td>v{p.version}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {site && <EditButton name={p.code} onClick={() => setEditing(p.id)} />}
                  {site && !p.signedByPatient && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconSignature size={14} aria-hidden="true" />}
                      loading={update.isPending && update.variables?.id === p.id}
                      onClick={() => sign(p)}
                      aria-label={t("registry.plan.signNamed", { code: p.code })}
                    >
                      {t("registry.plan.sign")}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconHistory size={14} aria-hidden="true" />}
                    onClick={() => setHistory(p)}
                    aria-label={t("registry.plan.historyNamed", { code: p.code })}
                  >
                    {t("registry.plan.history")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
      {creating && site && (
        <PlanCreateModal patient={patient} site={site} onClose={() => setCreating(false)} />
      )}
      {editingPlan && (
        <PlanEditModal
          plan={editingPlan}
          onReload={async () => (await onReload())?.find((p) => p.id === editingPlan.id)}
          onClose={() => setEditing(null)}
        />
      )}
      {history && <PlanHistoryModal plan={history} onClose={() => setHistory(null)} />}
    </Paper>
  );
}
