import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CHECK_IN_OUTCOMES, type CheckInOutcome, type DisengagementList } from "../../../shared/pathways.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { NoteField } from "../../app/ui/note-field.tsx";
import { useRecordCheckIn } from "./api.ts";

/** Check in with a patient of a disengagement list: when, what came of it, a note. */
export function CheckInModal({
  patient,
  siteId,
  list,
  onClose,
}: {
  patient: { id: number; code: string };
  siteId: number;
  list: DisengagementList;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    date: t("pathways.checkIn.fields.date"),
    outcome: t("pathways.checkIn.fields.outcome"),
    note: t("pathways.checkIn.fields.note"),
  };
  const form = useModalSave(useRecordCheckIn(), {
    labels,
    onClose,
    saved: () => t("pathways.checkIn.saved", { code: patient.code }),
    valueLabel: (path, value) =>
      path === "outcome" ? t(`pathways.checkIn.outcome.${String(value) as CheckInOutcome}`) : String(value),
  });
  const { values, bind } = useFieldValues(form, labels, {
    date: todayIso() as string | null,
    outcome: null as string | null,
    note: "",
  });
  const submit = () =>
    form.save({
      ...values,
      patientId: patient.id,
      siteId,
      date: values.date ?? "",
      list,
      outcome: values.outcome as CheckInOutcome,
    });
  return (
    <FormModal {...form.frame} title={t("pathways.checkIn.title", { code: patient.code })} onSubmit={submit}>
      <Select
        {...bind("outcome")}
        required
        placeholder={t("common.choose")}
        data={CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: t(`pathways.checkIn.outcome.${o}`) }))}
        data-autofocus
      />
      <ModalDateField {...bind("date")} required />
      <NoteField {...bind("note")} />
    </FormModal>
  );
}
