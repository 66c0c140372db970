import { Select, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSite } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useDirectoryServices } from "../directory/public.ts";
import { useRecordReferral } from "./api.ts";

const SHOWN = new Set(["fromServiceId", "toServiceId", "reason", "referralDate"]);
const ALL = { sector: null, areaId: null, language: "", q: "", includeInactive: false };
/** The "from" select's value for the site itself. */
const SITE = "site";

/** Refer the patient from the site (or a directory service on its behalf) to a directory service. */
export function ReferralModal({
  patient,
  site,
  onClose,
}: {
  patient: { id: number; code: string };
  site: { id: number; code: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useSite(site.id);
  const services = useDirectoryServices(detail.data?.regionId ?? null, ALL);
  const record = useRecordReferral(patient.id);
  const labels = {
    fromServiceId: t("pathways.referrals.fields.fromServiceId"),
    toServiceId: t("pathways.referrals.fields.toServiceId"),
    reason: t("pathways.referrals.fields.reason"),
    referralDate: t("pathways.referrals.fields.referralDate"),
  };
  const { errors, fail, clear, field } = useFormErrors((p) => SHOWN.has(p), { labels });
  const [from, setFrom] = useState<string | null>(SITE);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [date, setDate] = useState<string | null>(todayIso());
  const options = (services.data ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }));
  const submit = () => {
    clear();
    record.mutate(
      {
        patientId: patient.id,
        siteId: site.id,
        fromServiceId: from === SITE || from === null ? null : Number(from),
        toServiceId: (to ? Number(to) : null) as number,
        reason,
        referralDate: date ?? "",
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "green",
            message: t("pathways.referrals.saved", { service: saved.toService.code }),
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
      title={t("pathways.referrals.modalTitle", { code: patient.code })}
      onSubmit={submit}
      saving={record.isPending}
      general={errors.general}
    >
      <Select
        label={labels.toServiceId}
        required
        searchable
        placeholder={t("common.choose")}
        nothingFoundMessage={t("common.nothingFound")}
        data={options}
        value={to}
        onChange={setTo}
        error={field("toServiceId")}
        data-autofocus
      />
      <Select
        label={labels.fromServiceId}
        searchable
        allowDeselect={false}
        data={[{ value: SITE, label: t("pathways.referrals.fromSite", { site: site.code }) }, ...options]}
        value={from}
        onChange={setFrom}
        error={field("fromServiceId")}
      />
      <Textarea
        label={labels.reason}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={field("reason")}
      />
      <ModalDateField
        label={labels.referralDate}
        required
        value={date}
        onChange={setDate}
        error={field("referralDate")}
      />
    </FormModal>
  );
}
