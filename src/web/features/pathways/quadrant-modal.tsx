import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { quadrantOf, SEVERITIES, type Severity } from "../../../shared/pathways.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
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
  const { values, bind } = useFieldValues(form, labels, {
    date: todayIso() as string | null,
    mentalHealthSeverity: null as Severity | null,
    coOccurringSeverity: null as Severity | null,
    note: "",
  });
  const { mentalHealthSeverity: mh, coOccurringSeverity: co } = values;
  const severities = SEVERITIES.map((s) => ({ value: s, label: t(`pathways.quadrant.severity.${s}`) }));
  const submit = () =>
    form.save({
      ...values,
      patientId: patient.id,
      siteId: site.id,
      date: values.date ?? "",
      mentalHealthSeverity: mh as Severity,
      coOccurringSeverity: co as Severity,
    });
  return (
    <FormModal
      {...form.frame}
      title={t("pathways.quadrant.modalTitle", { code: patient.code })}
      onSubmit={submit}
    >
      <SegmentedField {...bind("mentalHealthSeverity")} data={severities} required fullWidth />
      <SegmentedField {...bind("coOccurringSeverity")} data={severities} required fullWidth />
      <Text size="sm" fw={600} aria-live="polite" data-quadrant-result>
        {mh && co
          ? t("pathways.quadrant.result", { quadrant: t(`pathways.quadrant.label.${quadrantOf(mh, co)}`) })
          : " "}
      </Text>
      <ModalDateField {...bind("date")} required />
      <NoteField {...bind("note")} />
    </FormModal>
  );
}
