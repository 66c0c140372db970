import { Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useWithdrawConsent } from "./api.ts";
import type { Consent } from "./types.ts";

const SHOWN = new Set(["withdrawnDate", "reason"]);

/** Withdraw a consent: a date and a reason; the consent stays in the history. */
export function WithdrawModal({
  patientId,
  consent,
  onClose,
}: {
  patientId: number;
  consent: Consent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(patientId);
  const labels = {
    withdrawnDate: t("care.consents.fields.withdrawnDate"),
    reason: t("care.consents.fields.reason"),
  };
  const { errors, fail, clear, field } = useFormErrors((p) => SHOWN.has(p), { labels });
  const [date, setDate] = useState<string | null>(todayIso());
  const [reason, setReason] = useState("");
  const submit = () => {
    clear();
    withdraw.mutate(
      { id: consent.id, body: { withdrawnDate: date ?? "", reason } },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("care.consents.withdrawn", { service: consent.service.name }),
          });
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
      title={t("care.consents.withdrawTitle", { service: consent.service.name })}
      onSubmit={submit}
      saving={withdraw.isPending}
      general={errors.general}
      submitLabel={t("care.consents.withdraw")}
    >
      <ModalDateField
        label={labels.withdrawnDate}
        required
        value={date}
        onChange={setDate}
        error={field("withdrawnDate")}
      />
      <Textarea
        label={labels.reason}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={field("reason")}
        data-autofocus
      />
    </FormModal>
  );
}
