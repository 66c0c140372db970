import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useUpdatePlan } from "../../../app/data/registry.ts";
import type { TreatmentPlan } from "../../../app/data/registry-types.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { StaleAlert } from "../../../app/ui/stale-alert.tsx";
import { useVersionedDraft } from "../../../app/ui/use-versioned-draft.tsx";
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
  const edit = useVersionedDraft({
    doc: plan,
    contentOf: valuesOf,
    mutation: useUpdatePlan(),
    toVariables: (values, baseVersion) => ({ id: plan.id, body: { baseVersion, ...values } }),
    savedMessage: (saved) => t("registry.plan.saved", { code: saved.code, version: saved.version }),
    onSaved: onClose,
    fetchLatest: onReload,
    isShown,
    errorOptions: { labels },
  });
  const { base, errors, stale } = edit;

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("registry.plan.editTitle", { code: base.code, version: base.version })}
      onSubmit={() => edit.save()}
      saving={edit.saving}
      general={stale ? null : errors.general}
    >
      {edit.guard}
      {stale && <StaleAlert message={errors.general} onReload={() => void edit.reload()} />}
      <PlanFields values={edit.draft} onChange={edit.setDraft} error={edit.field} />
    </FormModal>
  );
}
