import { useTranslation } from "react-i18next";
import { StaleAlert as KitStaleAlert } from "../../app/ui/stale-alert.tsx";

/**
 * The kit's stale alert, worded for planning artefacts: the user's edits are still in the form;
 * they may load the latest version (dropping them) or keep them to copy across.
 */
export function StaleAlert({ message, onReload }: { message: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <KitStaleAlert
      message={message}
      onReload={onReload}
      detail={t("planning.staleKept")}
      reloadLabel={t("planning.reloadDiscarding")}
    />
  );
}
