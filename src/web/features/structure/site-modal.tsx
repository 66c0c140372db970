import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveSite } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Area, Site } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { CodeNameFields, codeNameOf } from "./code-name-fields.tsx";

const FIELDS = new Set(["code", "name", "areaId"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create a site (a health authority or department) in a region, or rename it and move it between areas. */
export function SiteModal({
  site,
  regionId,
  areas,
  defaultAreaId,
  onClose,
}: {
  site: Site | null;
  regionId: number;
  areas: Area[];
  defaultAreaId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useModalSave(useSaveSite(), { isShown, onClose, saved: () => t("common.saved") });
  const [names, setNames] = useState(() => codeNameOf(site));
  const firstArea = site ? site.areaId : defaultAreaId;
  const [areaId, setAreaId] = useState(firstArea === null ? null : String(firstArea));
  const submit = () =>
    form.save({ id: site?.id, regionId, areaId: areaId ? Number(areaId) : null, ...names });
  return (
    <FormModal
      {...form.frame}
      title={site ? t("structure.editSite") : t("structure.newSite")}
      onSubmit={submit}
    >
      <CodeNameFields value={names} onChange={setNames} existing={!!site} field={form.field} />
      <Select
        label={t("structure.area")}
        placeholder={t("structure.noArea")}
        clearable
        clearButtonProps={{ "aria-label": t("common.clearNamed", { name: t("structure.area") }) }}
        data={areas.map((a) => ({ value: String(a.id), label: `${a.code} — ${a.name}` }))}
        value={areaId}
        onChange={setAreaId}
        error={form.field("areaId")}
      />
    </FormModal>
  );
}
