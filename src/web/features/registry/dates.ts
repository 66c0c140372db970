import { useCallback } from "react";
import { useTranslation } from "react-i18next";

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (civil dates). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);

/** A civil date in the user's language (no time zone shift). */
export function useFormatDate() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string | null | undefined, style: "medium" | "short" = "medium") =>
      iso
        ? new Intl.DateTimeFormat(i18n.language, { dateStyle: style, timeZone: "UTC" }).format(
            new Date(utc(iso)),
          )
        : "—",
    [i18n.language],
  );
}

/** "March 2024": the heading of a month of the timeline. */
export function useFormatMonth() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(utc(`${iso.slice(0, 7)}-01`)),
      ),
    [i18n.language],
  );
}
