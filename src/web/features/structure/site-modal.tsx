import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveSite } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Area, Site } from "../../app/types.ts";
import { CodeNameFields, useSavedThenClose } from "./code-name-fields.tsx";

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
  const save = useSaveSite();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const done = useSavedThenClose(onClose, fail);
  const [code, setCode] = useState(site?.code ?? "");
  const [name, setName] = useState(site?.name ?? "");
  const [areaId, setAreaId] = useState<string | null>(
    site
      ? site.areaId === null
        ? null
        : String(site.areaId)
      : defaultAreaId === null
        ? null
        : String(defaultAreaId),
  );
  const submit = () => {
    clear();
    save.mutate({ id: site?.id, regionId, areaId: areaId ? Number(areaId) : null, code, name }, done);
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={site ? t("structure.editSite") : t("structure.newSite")}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.general}
    >
      <CodeNameFields
        code={code}
        name={name}
        onCode={setCode}
        onName={setName}
        existing={!!site}
        field={field}
      />
      <Select
        label={t("structure.area")}
        placeholder={t("structure.noArea")}
        clearable
        clearButtonProps={{ "aria-label": t("common.clearNamed", { name: t("structure.area") }) }}
        data={areas.map((a) => ({ value: String(a.id), label: `${a.code} — ${a.name}` }))}
        value={areaId}
        onChange={setAreaId}
        error={field("areaId")}
      />
    </FormModal>
  );
}
