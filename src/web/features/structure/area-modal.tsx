import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveArea } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Area } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { CodeNameFields, codeNameOf } from "./code-name-fields.tsx";

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
  const form = useModalSave(useSaveArea(), { isShown, onClose, saved: () => t("common.saved") });
  const [names, setNames] = useState(() => codeNameOf(area));
  return (
    <FormModal
      {...form.frame}
      title={area ? t("structure.editArea") : t("structure.newArea")}
      onSubmit={() => form.save({ id: area?.id, regionId, ...names })}
    >
      <CodeNameFields value={names} onChange={setNames} existing={!!area} field={form.field} />
    </FormModal>
  );
}
