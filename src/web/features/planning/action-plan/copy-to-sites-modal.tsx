import { MultiSelect, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../app/form-modal.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { useCopyToSites } from "../api.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";

const isShown = (p: string) => p === "siteIds";

/** Seed the sites' plans with the regional one (the version on screen; a newer one is refused). */
export function CopyToSitesModal({
  programme,
  regionalVersion,
  onClose,
}: {
  programme: PlanningProgramme;
  regionalVersion: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const copy = useCopyToSites(programme.id);
  const { save, field, frame } = useModalSave(copy, {
    isShown,
    onClose,
    saved: (r) => t("planning.plan.copied", { count: r.sites.length }),
  });
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [replace, setReplace] = useState(false);
  const submit = () => save({ siteIds: siteIds.map(Number), replace, regionalVersion });
  return (
    <FormModal
      {...frame}
      title={t("planning.plan.copyTitle")}
      onSubmit={submit}
      submitLabel={t("planning.plan.copy")}
    >
      <Text size="sm">{t("planning.plan.copyHint", { version: regionalVersion })}</Text>
      <MultiSelect
        label={t("planning.plan.copySites")}
        data={programme.sites.map((s) => ({ value: String(s.siteId), label: `${s.code} — ${s.name}` }))}
        value={siteIds}
        onChange={setSiteIds}
        searchable
        required
        error={field("siteIds")}
      />
      <Switch
        label={t("planning.plan.copyReplace")}
        description={t("planning.plan.copyReplaceHint")}
        checked={replace}
        onChange={(e) => setReplace(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
