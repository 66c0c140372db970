import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DECLINE_REASONS } from "../../../shared/vocabulary.ts";
import { useSite } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import type { PatientModalProps } from "../../app/ui/patient-section.tsx";
import { useRecordDeclinedOffer } from "./api.ts";

type Reason = (typeof DECLINE_REASONS)[number];

/** Record that one of the site's programmes was offered to the patient and declined, and why. */
export function DeclineModal({ patient, site, onClose }: PatientModalProps) {
  const { t } = useTranslation();
  const detail = useSite(site.id);
  const programmes = detail.data?.programmes ?? [];
  const labels = {
    programmeId: t("offers.fields.programme"),
    offerDate: t("offers.fields.offerDate"),
    reason: t("offers.fields.reason"),
  };
  const form = useModalSave(useRecordDeclinedOffer(patient.id), {
    labels,
    onClose,
    saved: (offer) => t("offers.saved", { code: patient.code, programme: offer.programmeCode }),
    valueLabel: (path, value) =>
      path === "reason" ? t(`offers.reason.${String(value) as Reason}`) : String(value),
  });
  const { values, bind } = useFieldValues(form, labels, {
    programmeId: null as string | null,
    offerDate: todayIso() as string | null,
    reason: null as string | null,
  });
  const chosen = values.programmeId ?? (programmes.length === 1 ? String(programmes[0]!.id) : null);
  const submit = () =>
    form.save({
      patientId: patient.id,
      programmeId: (chosen ? Number(chosen) : null) as number,
      siteId: site.id,
      offerDate: values.offerDate ?? "",
      reason: values.reason as Reason,
    });
  return (
    <FormModal {...form.frame} title={t("offers.title", { code: patient.code })} onSubmit={submit}>
      <Select
        {...bind("programmeId")}
        value={chosen}
        required
        placeholder={t("common.choose")}
        data={programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
        data-autofocus
      />
      <ModalDateField {...bind("offerDate")} required />
      <Select
        {...bind("reason")}
        required
        placeholder={t("common.choose")}
        data={DECLINE_REASONS.map((r) => ({ value: r, label: t(`offers.reason.${r}`) }))}
      />
    </FormModal>
  );
}
