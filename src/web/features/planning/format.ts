import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** Date and time in the user's language (UTC, as stored). */
export function useDateTime() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.language, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(new Date(iso)),
    [i18n.language],
  );
}

/** A civil date (`YYYY-MM-DD`) in the user's language. */
export function useCivilDate() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    [i18n.language],
  );
}
