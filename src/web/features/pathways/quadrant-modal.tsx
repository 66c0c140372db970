import { Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { quadrantOf, SEVERITIES, type Severity } from "../../../shared/pathways.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { SegmentedField } from "../../app/ui/segmented-field.tsx";
import { useRecordStratification } from "./api.ts";

const SHOWN = new Set(["date", "mentalHealthSeverity", "coOccurringSeverity", "note"]);

/** Place the patient in a quadrant: two severities, the quadrant they give shown as they are chosen. */
export function QuadrantModal({
  patient,
  site,
  onClose,
}: {
  patient: { id: number; code: string };
  site: { id: number; code: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordStratification(patient.id);
  const labels = {
    date: t("pathways.quadrant.fields.date"),
    mentalHealthSeverity: t("pathways.quadrant.fields.mentalHealthSeverity"),
    coOccurringSeverity: t("pathways.quadrant.fields.coOccurringSeverity"),
    note: t("pathways.quadrant.fields.note"),
  };
  const { errors, fail, clear, field } = useFormErrors((p) => SHOWN.has(p), { labels });
  const [date, setDate] = useState<string | null>(todayIso());
  const [mh, setMh] = useState<Severity | null>(null);
  const [co, setCo] = useState<Severity | null>(null);
  const [note, setNote] = useState("");
  const severities = SEVERITIES.map((s) => ({ value: s, label: t(`pathways.quadrant.severity.${s}`) }));
  const submit = () => {
    clear();
    record.mutate(
      {
        patientId: patient.id,
        siteId: site.id,
        date: date ?? "",
        mentalHealthSeverity: mh as Severity,
        coOccurringSeverity: co as Severity,
        note,
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "green",
            message: t("pathways.quadrant.saved", { quadrant: saved.quadrant }),
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
      title={t("pathways.quadrant.modalTitle", { code: patient.code })}
      onSubmit={submit}
      saving={record.isPending}
      general={errors.general}
    >
      <SegmentedField
        label={labels.mentalHealthSeverity}
        value={mh}
        onChange={setMh}
        data={severities}
        error={field("mentalHealthSeverity")}
        required
        fullWidth
      />
      <SegmentedField
        label={labels.coOccurringSeverity}
        value={co}
        onChange={setCo}
        data={severities}
        error={field("coOccurringSeverity")}
        required
        fullWidth
      />
      <Text size="sm" fw={600} aria-live="polite" data-quadrant-result>
        {mh && co
          ? t("pathways.quadrant.result", { quadrant: t(`pathways.quadrant.label.${quadrantOf(mh, co)}`) })
          : " "}
      </Text>
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
