import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  REFERRAL_DECISIONS,
  REFERRAL_DECLINE_REASONS,
  type ReferralDecision,
  type ReferralDeclineReason,
} from "../../../shared/pathways.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { SegmentedField } from "../../app/ui/segmented-field.tsx";
import { useDecideReferral } from "./api.ts";
import type { Referral } from "./types.ts";

/** The receiving service's decision on a referral, and the first contact once accepted. */
export function DecisionModal({
  patient,
  referral,
  onClose,
}: {
  patient: { id: number; code: string };
  referral: Referral;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    decision: t("pathways.referrals.fields.decision"),
    decisionDate: t("pathways.referrals.fields.decisionDate"),
    declineReason: t("pathways.referrals.fields.declineReason"),
    firstContactDate: t("pathways.referrals.fields.firstContactDate"),
  };
  const form = useModalSave(useDecideReferral(patient.id), {
    onClose,
    saved: () => t("pathways.referrals.decided"),
    labels,
    valueLabel: (path, value) =>
      path === "declineReason"
        ? t(`pathways.referrals.declineReason.${String(value) as ReferralDeclineReason}`)
        : path === "decision"
          ? t(`pathways.referrals.decision.${String(value) as ReferralDecision}`)
          : String(value),
  });
  const { values, bind } = useFieldValues(form, labels, {
    decision: (referral.decision === "pending" ? "accepted" : referral.decision) as ReferralDecision,
    decisionDate: (referral.decisionDate ?? todayIso()) as string | null,
    declineReason: referral.declineReason as string | null,
    firstContactDate: referral.firstContactDate,
  });
  const { decision } = values;
  const submit = () => {
    form.save({
      id: referral.id,
      body: {
        decision,
        decisionDate: decision === "pending" ? null : (values.decisionDate ?? null),
        declineReason:
          decision === "declined" ? (values.declineReason as ReferralDeclineReason | null) : null,
        firstContactDate: decision === "accepted" ? (values.firstContactDate ?? null) : null,
      },
    });
  };
  return (
    <FormModal
      {...form.frame}
      title={t("pathways.referrals.decideTitle", { code: patient.code, service: referral.toService.code })}
      onSubmit={submit}
    >
      <SegmentedField
        {...bind("decision")}
        data={REFERRAL_DECISIONS.map((d) => ({ value: d, label: t(`pathways.referrals.decision.${d}`) }))}
        fullWidth
      />
      {decision !== "pending" && <ModalDateField {...bind("decisionDate")} required />}
      {decision === "declined" && (
        <Select
          {...bind("declineReason")}
          required
          placeholder={t("common.choose")}
          data={REFERRAL_DECLINE_REASONS.map((r) => ({
            value: r,
            label: t(`pathways.referrals.declineReason.${r}`),
          }))}
        />
      )}
      {decision === "accepted" && <ModalDateField {...bind("firstContactDate")} />}
    </FormModal>
  );
}
