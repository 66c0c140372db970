import { Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProfessionals } from "../../app/data/teams.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
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
  const save = useSetCoordinator();
  const label = t("pathways.coordinator.field");
  const { errors, fail, clear, field } = useFormErrors((p) => p === "professionalId", {
    labels: { professionalId: label },
  });
  const legacy = enrolment.coordinator === null ? enrolment.caseManagerCode : null;
  const [value, setValue] = useState<string | null>(
    enrolment.coordinator ? String(enrolment.coordinator.id) : legacy ? LEGACY : NONE,
  );
  const submit = () => {
    if (value === LEGACY) return onClose();
    clear();
    save.mutate(
      {
        enrolmentId: enrolment.enrolmentId,
        professionalId: value === NONE || value === null ? null : Number(value),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("pathways.coordinator.saved", { code: enrolment.enrolmentCode }),
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
      title={t("pathways.coordinator.modalTitle", { code: enrolment.enrolmentCode })}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.general}
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
        error={field("professionalId")}
        data-autofocus
      />
    </FormModal>
  );
}
