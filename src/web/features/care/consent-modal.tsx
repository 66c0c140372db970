import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_SCOPES, type ConsentScope } from "../../../shared/care.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
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
  const [siteId, setSiteId] = useState<string | null>(
    care.writableSiteIds.length === 1 ? String(care.writableSiteIds[0]) : null,
  );
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>("both");
  const [givenDate, setGivenDate] = useState<string | null>(todayIso());
  const submit = () => {
    form.save({
      siteId: (siteId ? Number(siteId) : null) as number,
      serviceId: (serviceId ? Number(serviceId) : null) as number,
      scope: scope as ConsentScope,
      givenDate: givenDate ?? "",
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
          label={labels.siteId}
          required
          data={care.writableSiteIds.map((id) => ({
            value: String(id),
            label: siteCodes.get(id) ?? String(id),
          }))}
          value={siteId}
          onChange={setSiteId}
          error={form.field("siteId")}
        />
      )}
      <Select
        label={labels.serviceId}
        required
        searchable
        placeholder={t("common.choose")}
        data={care.services.map((s) => ({ value: String(s.id), label: s.name }))}
        value={serviceId}
        onChange={setServiceId}
        error={form.field("serviceId")}
        data-autofocus
      />
      <Select
        label={labels.scope}
        required
        allowDeselect={false}
        data={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`care.scope.${s}`) }))}
        value={scope}
        onChange={setScope}
        error={form.field("scope")}
      />
      <ModalDateField
        label={labels.givenDate}
        required
        value={givenDate}
        onChange={setGivenDate}
        error={form.field("givenDate")}
      />
    </FormModal>
  );
}
