import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveArea } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Area } from "../../app/types.ts";
import { CodeNameFields, useSavedThenClose } from "./code-name-fields.tsx";

const FIELDS = new Set(["code", "name"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create an area of a region (e.g. an ATS), or rename one. */
export function AreaModal({
  area,
  regionId,
  onClose,
}: {
  area: Area | null;
  regionId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveArea();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const done = useSavedThenClose(onClose, fail);
  const [code, setCode] = useState(area?.code ?? "");
  const [name, setName] = useState(area?.name ?? "");
  const submit = () => {
    clear();
    save.mutate({ id: area?.id, regionId, code, name }, done);
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={area ? t("structure.editArea") : t("structure.newArea")}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.general}
    >
      <CodeNameFields
        code={code}
        name={name}
        onCode={setCode}
        onName={setName}
        existing={!!area}
        field={field}
      />
    </FormModal>
  );
}
