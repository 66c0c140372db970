import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHECK_IN_OUTCOMES, type CheckInOutcome, type DisengagementList } from "../../../shared/pathways.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
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
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const submit = () =>
    form.save({
      patientId: patient.id,
      siteId,
      date: date ?? "",
      list,
      outcome: outcome as CheckInOutcome,
      note,
    });
  return (
    <FormModal {...form.frame} title={t("pathways.checkIn.title", { code: patient.code })} onSubmit={submit}>
      <Select
        label={labels.outcome}
        required
        placeholder={t("common.choose")}
        data={CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: t(`pathways.checkIn.outcome.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
        error={form.field("outcome")}
        data-autofocus
      />
      <ModalDateField
        label={labels.date}
        required
        value={date}
        onChange={setDate}
        error={form.field("date")}
      />
      <NoteField label={labels.note} value={note} onChange={setNote} error={form.field("note")} />
    </FormModal>
  );
}
