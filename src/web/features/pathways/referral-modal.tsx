import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSite } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { NoteField } from "../../app/ui/note-field.tsx";
import type { PatientModalProps } from "../../app/ui/patient-section.tsx";
import { useDirectoryServices } from "../directory/public.ts";
import { useRecordReferral } from "./api.ts";

const ALL = { sector: null, areaId: null, language: "", q: "", includeInactive: false };
/** The "from" select's value for the site itself. */
const SITE = "site";

/** Refer the patient from the site (or a directory service on its behalf) to a directory service. */
export function ReferralModal({ patient, site, onClose }: PatientModalProps) {
  const { t } = useTranslation();
  const detail = useSite(site.id);
  const services = useDirectoryServices(detail.data?.regionId ?? null, ALL);
  const labels = {
    fromServiceId: t("pathways.referrals.fields.fromServiceId"),
    toServiceId: t("pathways.referrals.fields.toServiceId"),
    reason: t("pathways.referrals.fields.reason"),
    referralDate: t("pathways.referrals.fields.referralDate"),
  };
  const form = useModalSave(useRecordReferral(patient.id), {
    labels,
    onClose,
    saved: (referral) => t("pathways.referrals.saved", { service: referral.toService.code }),
  });
  const { values, bind } = useFieldValues(form, labels, {
    fromServiceId: SITE as string | null,
    toServiceId: null as string | null,
    reason: "",
    referralDate: todayIso() as string | null,
  });
  const { fromServiceId: from, toServiceId: to } = values;
  const options = (services.data ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }));
  const submit = () =>
    form.save({
      patientId: patient.id,
      siteId: site.id,
      fromServiceId: from === SITE || from === null ? null : Number(from),
      toServiceId: (to ? Number(to) : null) as number,
      reason: values.reason,
      referralDate: values.referralDate ?? "",
    });
  return (
    <FormModal
      {...form.frame}
      title={t("pathways.referrals.modalTitle", { code: patient.code })}
      onSubmit={submit}
    >
      <Select
        {...bind("toServiceId")}
        required
        searchable
        placeholder={t("common.choose")}
        nothingFoundMessage={t("common.nothingFound")}
        data={options}
        data-autofocus
      />
      <Select
        {...bind("fromServiceId")}
        searchable
        allowDeselect={false}
        data={[{ value: SITE, label: t("pathways.referrals.fromSite", { site: site.code }) }, ...options]}
      />
      <NoteField {...bind("reason")} required />
      <ModalDateField {...bind("referralDate")} required />
    </FormModal>
  );
}
