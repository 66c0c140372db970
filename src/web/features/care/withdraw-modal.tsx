import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { NoteField } from "../../app/ui/note-field.tsx";
import { useWithdrawConsent } from "./api.ts";
import type { Consent } from "./types.ts";

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
  const labels = {
    withdrawnDate: t("care.consents.fields.withdrawnDate"),
    reason: t("care.consents.fields.reason"),
  };
  const form = useModalSave(useWithdrawConsent(patientId), {
    labels,
    onClose,
    saved: () => t("care.consents.withdrawn", { service: consent.service.name }),
  });
  const { values, bind } = useFieldValues(form, labels, {
    withdrawnDate: todayIso() as string | null,
    reason: "",
  });
  const submit = () =>
    form.save({ id: consent.id, body: { withdrawnDate: values.withdrawnDate ?? "", reason: values.reason } });
  return (
    <FormModal
      {...form.frame}
      title={t("care.consents.withdrawTitle", { service: consent.service.name })}
      onSubmit={submit}
      submitLabel={t("care.consents.withdraw")}
    >
      <ModalDateField {...bind("withdrawnDate")} required />
      <NoteField {...bind("reason")} required maxLength={500} data-autofocus />
    </FormModal>
  );
}
