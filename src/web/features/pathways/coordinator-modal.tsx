import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProfessionals } from "../../app/data/teams.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { useSetCoordinator } from "./api.ts";
import type { EnrolmentCoordinator } from "./types.ts";

const NONE = "none";
const LEGACY = "legacy";

/**
 * Name an enrolment's coordinator among the site's professionals. A legacy case manager code that
 * matches nobody on the team stays offered (and kept, unless another choice is saved).
 */
export function CoordinatorModal({
  enrolment,
  onClose,
}: {
  enrolment: EnrolmentCoordinator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const professionals = useProfessionals(enrolment.siteId);
  const label = t("pathways.coordinator.field");
  const form = useModalSave(useSetCoordinator(), {
    labels: { professionalId: label },
    onClose,
    saved: () => t("pathways.coordinator.saved", { code: enrolment.enrolmentCode }),
  });
  const legacy = enrolment.coordinator === null ? enrolment.caseManagerCode : null;
  const [value, setValue] = useState<string | null>(
    enrolment.coordinator ? String(enrolment.coordinator.id) : legacy ? LEGACY : NONE,
  );
  const submit = () => {
    if (value === LEGACY) return onClose();
    form.save({
      enrolmentId: enrolment.enrolmentId,
      professionalId: value === NONE || value === null ? null : Number(value),
    });
  };
  return (
    <FormModal
      {...form.frame}
      title={t("pathways.coordinator.modalTitle", { code: enrolment.enrolmentCode })}
      onSubmit={submit}
    >
      <Select
        label={label}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t("common.nothingFound")}
        data={[
          { value: NONE, label: t("pathways.coordinator.noneOption") },
          ...(legacy
            ? [{ value: LEGACY, label: t("pathways.coordinator.legacyOption", { code: legacy }) }]
            : []),
          ...(professionals.data ?? []).map((p) => ({
            value: String(p.id),
            label: `${p.code} — ${t(`profiles.${p.profile}`)}`,
          })),
        ]}
        value={value}
        onChange={setValue}
        error={form.field("professionalId")}
        data-autofocus
      />
    </FormModal>
  );
}
