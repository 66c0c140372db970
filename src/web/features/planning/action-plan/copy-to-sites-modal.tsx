import { MultiSelect, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
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
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [replace, setReplace] = useState(false);
  const submit = () => {
    clear();
    copy.mutate(
      { siteIds: siteIds.map(Number), replace, regionalVersion },
      {
        onSuccess: (r) => {
          notifySaved(t("planning.plan.copied", { count: r.sites.length }));
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
      title={t("planning.plan.copyTitle")}
      onSubmit={submit}
      saving={copy.isPending}
      general={errors.general}
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
