import { Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreatePlan } from "../../../app/data/registry.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { todayIso } from "../../../app/today.ts";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { PLAN_FIELDS, PlanFields, type PlanValues, planLabels } from "./plan-fields.tsx";

const isShown = (p: string) => PLAN_FIELDS.has(p);

/** Start an individual treatment plan for the patient at the working site (version 1). */
export function PlanCreateModal({
  patient,
  site,
  onClose,
}: {
  patient: { id: number; code: string };
  site: { id: number; code: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMemo(() => planLabels(t), [t]);
  const create = useCreatePlan();
  const { save, field, frame } = useModalSave(create, {
    isShown,
    labels,
    onClose,
    saved: (plan) => t("registry.plan.created", { code: plan.code }),
  });
  const [values, setValues] = useState<PlanValues>({
    createdDate: todayIso(),
    sharedWithPatientDate: null,
    signedByPatient: false,
    sharedWithSocialServices: false,
    sharedWithWorkInclusion: false,
    integratedActionsStarted: false,
  });
  const submit = () => save({ patientId: patient.id, siteId: site.id, ...values });
  return (
    <FormModal
      {...frame}
      title={t("registry.plan.newTitle", { code: patient.code })}
      onSubmit={submit}
      submitLabel={t("registry.plan.create")}
    >
      <Text size="sm" c="dimmed">
        {t("registry.plan.atSite", { site: site.code })}
      </Text>
      <PlanFields values={values} onChange={setValues} error={field} />
    </FormModal>
  );
}
