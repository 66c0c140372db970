import { Select, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHECK_IN_OUTCOMES, type CheckInOutcome, type DisengagementList } from "../../../shared/pathways.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useRecordCheckIn } from "./api.ts";

const SHOWN = new Set(["date", "outcome", "note"]);

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
  const record = useRecordCheckIn();
  const labels = {
    date: t("pathways.checkIn.fields.date"),
    outcome: t("pathways.checkIn.fields.outcome"),
    note: t("pathways.checkIn.fields.note"),
  };
  const { errors, fail, clear, field } = useFormErrors((p) => SHOWN.has(p), {
    labels,
    valueLabel: (path, value) =>
      path === "outcome" ? t(`pathways.checkIn.outcome.${String(value) as CheckInOutcome}`) : String(value),
  });
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const submit = () => {
    clear();
    record.mutate(
      {
        patientId: patient.id,
        siteId,
        date: date ?? "",
        list,
        outcome: outcome as CheckInOutcome,
        note,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("pathways.checkIn.saved", { code: patient.code }),
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
      title={t("pathways.checkIn.title", { code: patient.code })}
      onSubmit={submit}
      saving={record.isPending}
      general={errors.general}
    >
      <Select
        label={labels.outcome}
        required
        placeholder={t("common.choose")}
        data={CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: t(`pathways.checkIn.outcome.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
        error={field("outcome")}
        data-autofocus
      />
      <ModalDateField label={labels.date} required value={date} onChange={setDate} error={field("date")} />
      <Textarea
        label={labels.note}
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={field("note")}
      />
    </FormModal>
  );
}
