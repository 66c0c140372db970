import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateEnrolment } from "../../../app/data/registry.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";

const isShown = (p: string) => p === "caseManagerCode" || p === "caseManagerProfile";

/** Name the case manager of an enrolment: one of the site's professionals. */
export function CaseManagerModal({
  enrolment,
  siteId,
  onClose,
}: {
  enrolment: { id: number; code: string; patientCode: string };
  siteId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const professionals = useProfessionals(siteId);
  const form = useModalSave(useUpdateEnrolment(), {
    isShown,
    onClose,
    saved: () => t("registry.worklists.caseManagerSet", { code: enrolment.patientCode, manager: code }),
  });
  const [code, setCode] = useState<string | null>(null);
  const chosen = professionals.data?.find((p) => p.code === code);
  const submit = () => {
    form.save({
      id: enrolment.id,
      body: { caseManagerCode: chosen?.code ?? "", caseManagerProfile: chosen?.profile ?? null },
    });
  };
  return (
    <FormModal
      {...form.frame}
      title={t("registry.worklists.caseManagerTitle", { code: enrolment.patientCode })}
      onSubmit={submit}
    >
      <Select
        label={t("registry.enrol.caseManager")}
        required
        searchable
        placeholder={t("common.choose")}
        nothingFoundMessage={t("common.nothingFound")}
        data={(professionals.data ?? []).map((p) => ({
          value: p.code,
          label: `${p.code} — ${t(`profiles.${p.profile}`)}`,
        }))}
        value={code}
        onChange={setCode}
        error={form.field("caseManagerCode") ?? form.field("caseManagerProfile")}
        data-autofocus
      />
    </FormModal>
  );
}
