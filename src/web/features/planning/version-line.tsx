import { useTranslation } from "react-i18next";
import { useDateTime } from "./format.ts";

/** "Version 3, saved 2 Dec 2026, 14:05 by sitecoord", or "Not saved yet". */
export function VersionLine({
  version,
  savedAt,
  savedBy,
}: {
  version: number;
  savedAt: string | null;
  savedBy: string | null;
}) {
  const { t } = useTranslation();
  const when = useDateTime();
  if (version === 0 || !savedAt) return <>{t("planning.notSavedYet")}</>;
  return <>{t("planning.versionSaved", { version, when: when(savedAt), who: savedBy ?? "" })}</>;
}
