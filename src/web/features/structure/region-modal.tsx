import { TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Region } from "../../app/types.ts";
import { useSaveRegion } from "./api.ts";

const FIELDS = new Set(["code", "name"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create a region, or rename one (its code never changes). */
export function RegionModal({ region, onClose }: { region: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRegion();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const [code, setCode] = useState(region?.code ?? "");
  const [name, setName] = useState(region?.name ?? "");
  const submit = () => {
    clear();
    save.mutate(
      { id: region?.id, code, name },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("common.saved") });
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
      title={region ? t("structure.editRegion") : t("structure.newRegion")}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.general}
    >
      <TextInput
        label={t("common.code")}
        required
        disabled={!!region}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={field("code")}
        data-autofocus
      />
      <TextInput
        label={t("common.name")}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={field("name")}
      />
    </FormModal>
  );
}
