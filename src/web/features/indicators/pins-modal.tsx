import { MultiSelect, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { useSavePins } from "./api.ts";
import { useIndicatorText } from "./labels.ts";
import type { IndicatorMeta } from "./types.ts";

const shown = (path: string) => path === "indicatorIds" || path.startsWith("indicatorIds.");

/** Coordinators choose the overview's tiles, in order (the order they are picked in). */
export function PinsModal({
  programmeId,
  definitions,
  pinned,
  opened,
  onClose,
}: {
  programmeId: number;
  definitions: IndicatorMeta[];
  pinned: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { label } = useIndicatorText();
  const [ids, setIds] = useState<string[]>(pinned);
  const save = useSavePins(programmeId);
  const errors = useFormErrors(shown);
  const submit = () =>
    save.mutate(ids, {
      onSuccess: () => {
        notifySaved(t("dashboard.overview.pinsSaved"));
        onClose();
      },
      onError: errors.fail,
    });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t("dashboard.overview.pinsTitle")}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.errors.general}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {t("dashboard.overview.pinsHint")}
      </Text>
      <MultiSelect
        label={t("dashboard.overview.pinsLabel")}
        data={definitions.map((d) => ({ value: d.id, label: label(d) }))}
        value={ids}
        onChange={setIds}
        searchable
        clearable
        clearButtonProps={{
          "aria-label": t("common.clearNamed", { name: t("dashboard.overview.pinsLabel") }),
        }}
        hidePickedOptions
        maxDropdownHeight={320}
        error={errors.fieldTree("indicatorIds")}
        nothingFoundMessage={t("common.nothingFound")}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
