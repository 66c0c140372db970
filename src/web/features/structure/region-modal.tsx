import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveRegion } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Region } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { CodeNameFields, codeNameOf } from "./code-name-fields.tsx";

const FIELDS = new Set(["code", "name"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create a region, or rename one (its code never changes). */
export function RegionModal({ region, onClose }: { region: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useModalSave(useSaveRegion(), { isShown, onClose, saved: () => t("common.saved") });
  const [names, setNames] = useState(() => codeNameOf(region));
  return (
    <FormModal
      {...form.frame}
      title={region ? t("structure.editRegion") : t("structure.newRegion")}
      onSubmit={() => form.save({ id: region?.id, ...names })}
    >
      <CodeNameFields value={names} onChange={setNames} existing={!!region} field={form.field} />
    </FormModal>
  );
}
