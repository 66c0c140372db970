import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CONSENT_SCOPES, type ConsentScope } from "../../../shared/care.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { useFieldValues } from "../../app/ui/field-values.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { useRecordConsent } from "./api.ts";
import type { PatientCare } from "./types.ts";

/** Record the person's consent to share their plans with one service of the directory. */
export function ConsentModal({
  patient,
  care,
  siteCodes,
  onClose,
}: {
  patient: { id: number; code: string };
  care: PatientCare;
  siteCodes: Map<number, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    siteId: t("care.consents.fields.siteId"),
    serviceId: t("care.consents.fields.serviceId"),
    scope: t("care.consents.fields.scope"),
    givenDate: t("care.consents.fields.givenDate"),
  };
  const form = useModalSave(useRecordConsent(patient.id), {
    onClose,
    saved: (saved) => t("care.consents.saved", { service: saved.service.name }),
    labels,
    valueLabel: (path, value) =>
      path === "scope" ? t(`care.scope.${String(value) as ConsentScope}`) : String(value),
  });
  const { values, bind } = useFieldValues(form, labels, {
    siteId: care.writableSiteIds.length === 1 ? String(care.writableSiteIds[0]) : (null as string | null),
    serviceId: null as string | null,
    scope: "both" as string | null,
    givenDate: todayIso() as string | null,
  });
  const submit = () => {
    form.save({
      siteId: (values.siteId ? Number(values.siteId) : null) as number,
      serviceId: (values.serviceId ? Number(values.serviceId) : null) as number,
      scope: values.scope as ConsentScope,
      givenDate: values.givenDate ?? "",
    });
  };
  return (
    <FormModal
      {...form.frame}
      title={t("care.consents.modalTitle", { code: patient.code })}
      onSubmit={submit}
    >
      {care.writableSiteIds.length > 1 && (
        <Select
          {...bind("siteId")}
          required
          data={care.writableSiteIds.map((id) => ({
            value: String(id),
            label: siteCodes.get(id) ?? String(id),
          }))}
        />
      )}
      <Select
        {...bind("serviceId")}
        required
        searchable
        placeholder={t("common.choose")}
        data={care.services.map((s) => ({ value: String(s.id), label: s.name }))}
        data-autofocus
      />
      <Select
        {...bind("scope")}
        required
        allowDeselect={false}
        data={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`care.scope.${s}`) }))}
      />
      <ModalDateField {...bind("givenDate")} required />
    </FormModal>
  );
}
