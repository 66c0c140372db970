import { Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  REFERRAL_DECISIONS,
  REFERRAL_DECLINE_REASONS,
  type ReferralDecision,
  type ReferralDeclineReason,
} from "../../../shared/pathways.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { SegmentedField } from "../../app/ui/segmented-field.tsx";
import { useDecideReferral } from "./api.ts";
import type { Referral } from "./types.ts";

const SHOWN = new Set(["decision", "decisionDate", "declineReason", "firstContactDate"]);

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
  const decide = useDecideReferral(patient.id);
  const labels = {
    decision: t("pathways.referrals.fields.decision"),
    decisionDate: t("pathways.referrals.fields.decisionDate"),
    declineReason: t("pathways.referrals.fields.declineReason"),
    firstContactDate: t("pathways.referrals.fields.firstContactDate"),
  };
  const { errors, fail, clear, field } = useFormErrors((p) => SHOWN.has(p), {
    labels,
    valueLabel: (path, value) =>
      path === "declineReason"
        ? t(`pathways.referrals.declineReason.${String(value) as ReferralDeclineReason}`)
        : path === "decision"
          ? t(`pathways.referrals.decision.${String(value) as ReferralDecision}`)
          : String(value),
  });
  const [decision, setDecision] = useState<ReferralDecision>(
    referral.decision === "pending" ? "accepted" : referral.decision,
  );
  const [decisionDate, setDecisionDate] = useState<string | null>(referral.decisionDate ?? todayIso());
  const [declineReason, setDeclineReason] = useState<string | null>(referral.declineReason);
  const [firstContact, setFirstContact] = useState<string | null>(referral.firstContactDate);
  const submit = () => {
    clear();
    decide.mutate(
      {
        id: referral.id,
        body: {
          decision,
          decisionDate: decision === "pending" ? null : (decisionDate ?? null),
          declineReason: decision === "declined" ? (declineReason as ReferralDeclineReason | null) : null,
          firstContactDate: decision === "accepted" ? (firstContact ?? null) : null,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("pathways.referrals.decided") });
          onClose();
        },
        onError: fail,
      },
    );
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("pathways.referrals.decideTitle", { code: patient.code, service: referral.toService.code })}
      onSubmit={submit}
      saving={decide.isPending}
      general={errors.general}
    >
      <SegmentedField
        label={labels.decision}
        value={decision}
        onChange={(v) => setDecision(v as ReferralDecision)}
        data={REFERRAL_DECISIONS.map((d) => ({ value: d, label: t(`pathways.referrals.decision.${d}`) }))}
        error={field("decision")}
        fullWidth
      />
      {decision !== "pending" && (
        <ModalDateField
          label={labels.decisionDate}
          required
          value={decisionDate}
          onChange={setDecisionDate}
          error={field("decisionDate")}
        />
      )}
      {decision === "declined" && (
        <Select
          label={labels.declineReason}
          required
          placeholder={t("common.choose")}
          data={REFERRAL_DECLINE_REASONS.map((r) => ({
            value: r,
            label: t(`pathways.referrals.declineReason.${r}`),
          }))}
          value={declineReason}
          onChange={setDeclineReason}
          error={field("declineReason")}
        />
      )}
      {decision === "accepted" && (
        <ModalDateField
          label={labels.firstContactDate}
          value={firstContact}
          onChange={setFirstContact}
          error={field("firstContactDate")}
        />
      )}
    </FormModal>
  );
}
