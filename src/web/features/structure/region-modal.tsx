import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveRegion } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Region } from "../../app/types.ts";
import { CodeNameFields, useSavedThenClose } from "./code-name-fields.tsx";

const FIELDS = new Set(["code", "name"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create a region, or rename one (its code never changes). */
export function RegionModal({ region, onClose }: { region: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRegion();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const done = useSavedThenClose(onClose, fail);
  const [code, setCode] = useState(region?.code ?? "");
  const [name, setName] = useState(region?.name ?? "");
  const submit = () => {
    clear();
    save.mutate({ id: region?.id, code, name }, done);
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
      <CodeNameFields
        code={code}
        name={name}
        onCode={setCode}
        onName={setName}
        existing={!!region}
        field={field}
      />
    </FormModal>
  );
}
