import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { quadrantOf, SEVERITIES, type Severity } from "../../../shared/pathways.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { NoteField } from "../../app/ui/note-field.tsx";
import type { PatientModalProps } from "../../app/ui/patient-section.tsx";
import { SegmentedField } from "../../app/ui/segmented-field.tsx";
import { useRecordStratification } from "./api.ts";

/** Place the patient in a quadrant: two severities, the quadrant they give shown as they are chosen. */
export function QuadrantModal({ patient, site, onClose }: PatientModalProps) {
  const { t } = useTranslation();
  const labels = {
    date: t("pathways.quadrant.fields.date"),
    mentalHealthSeverity: t("pathways.quadrant.fields.mentalHealthSeverity"),
    coOccurringSeverity: t("pathways.quadrant.fields.coOccurringSeverity"),
    note: t("pathways.quadrant.fields.note"),
  };
  const form = useModalSave(useRecordStratification(patient.id), {
    labels,
    onClose,
    saved: (stratification) => t("pathways.quadrant.saved", { quadrant: stratification.quadrant }),
  });
  const [date, setDate] = useState<string | null>(todayIso());
  const [mh, setMh] = useState<Severity | null>(null);
  const [co, setCo] = useState<Severity | null>(null);
  const [note, setNote] = useState("");
  const severities = SEVERITIES.map((s) => ({ value: s, label: t(`pathways.quadrant.severity.${s}`) }));
  const submit = () =>
    form.save({
      patientId: patient.id,
      siteId: site.id,
      date: date ?? "",
      mentalHealthSeverity: mh as Severity,
      coOccurringSeverity: co as Severity,
      note,
    });
  return (
    <FormModal
      {...form.frame}
      title={t("pathways.quadrant.modalTitle", { code: patient.code })}
      onSubmit={submit}
    >
      <SegmentedField
        label={labels.mentalHealthSeverity}
        value={mh}
        onChange={setMh}
        data={severities}
        error={form.field("mentalHealthSeverity")}
        required
        fullWidth
      />
      <SegmentedField
        label={labels.coOccurringSeverity}
        value={co}
        onChange={setCo}
        data={severities}
        error={form.field("coOccurringSeverity")}
        required
        fullWidth
      />
      <Text size="sm" fw={600} aria-live="polite" data-quadrant-result>
        {mh && co
          ? t("pathways.quadrant.result", { quadrant: t(`pathways.quadrant.label.${quadrantOf(mh, co)}`) })
          : " "}
      </Text>
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
