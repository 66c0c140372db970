import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdatePlan } from "../../../app/data/registry.ts";
import type { TreatmentPlan } from "../../../app/data/registry-types.ts";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { StaleAlert } from "../../../app/ui/stale-alert.tsx";
import { PLAN_FIELDS, PlanFields, type PlanValues, planLabels } from "./plan-fields.tsx";

const isShown = (p: string) => PLAN_FIELDS.has(p);

const valuesOf = (p: TreatmentPlan): PlanValues => ({
  createdDate: p.createdDate,
  sharedWithPatientDate: p.sharedWithPatientDate,
  signedByPatient: p.signedByPatient,
  sharedWithSocialServices: p.sharedWithSocialServices,
  sharedWithWorkInclusion: p.sharedWithWorkInclusion,
  integratedActionsStarted: p.integratedActionsStarted,
});

/**
 * Save a new version of a plan. Optimistic locking: the version the user opened goes as
 * `baseVersion`; when someone saved meanwhile the server answers 409 `stale_version` and the
 * user may load the latest version (and apply their change again) — nothing is overwritten.
 */
export function PlanEditModal({
  plan,
  onReload,
  onClose,
}: {
  /** The plan as last read (it changes when the timeline is fetched again). */
  plan: TreatmentPlan;
  /** Fetch the latest plan; resolves with it. */
  onReload: () => Promise<TreatmentPlan | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMemo(() => planLabels(t), [t]);
  const update = useUpdatePlan();
  const { errors, fail, clear, field } = useFormErrors(isShown, { labels });
  const [base, setBase] = useState(plan);
  const [values, setValues] = useState<PlanValues>(valuesOf(plan));
  const stale = errors.error?.code === "stale_version";

  const submit = () => {
    clear();
    update.mutate(
      { id: base.id, body: { baseVersion: base.version, ...values } },
      {
        onSuccess: (saved) => {
          notifySaved(t("registry.plan.saved", { code: saved.code, version: saved.version }));
          onClose();
        },
        onError: fail,
      },
    );
  };

  const reload = async () => {
    const latest = await onReload();
    if (!latest) return;
    clear();
    setBase(latest);
    setValues(valuesOf(latest));
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("registry.plan.editTitle", { code: base.code, version: base.version })}
      onSubmit={submit}
      saving={update.isPending}
      general={stale ? null : errors.general}
    >
      {stale && <StaleAlert message={errors.general} onReload={() => void reload()} />}
      <PlanFields values={values} onChange={setValues} error={field} />
    </FormModal>
  );
}
