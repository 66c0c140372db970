import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** A timestamp in the user's language, in the browser's time zone. */
export function useFormatDateTime() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(iso),
      ),
    [i18n.language],
  );
}
