import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  RESPONDENTS as SHARED_RESPONDENTS,
  TIMEPOINTS as SHARED_TIMEPOINTS,
} from "../../../shared/vocabulary.ts";
import type { Respondent, Timepoint } from "./types.ts";

export const TIMEPOINTS: Timepoint[] = [...SHARED_TIMEPOINTS];
export const RESPONDENTS: Respondent[] = [...SHARED_RESPONDENTS];

/** The timepoints as options of a segmented control. */
export function useTimepointOptions() {
  const { t } = useTranslation();
  return useMemo(() => TIMEPOINTS.map((v) => ({ value: v, label: t(`measures.timepoints.${v}`) })), [t]);
}

/** The respondents an instrument takes, as options. */
export function useRespondentOptions(allowed: Respondent[]) {
  const { t } = useTranslation();
  return useMemo(
    () => allowed.map((v) => ({ value: v, label: t(`measures.respondents.${v}`) })),
    [allowed, t],
  );
}

/** A civil date (`YYYY-MM-DD`) in the user's language. */
export function useFormatDate() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
    return (iso: string) => f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  }, [i18n.language]);
}

/** A number in the user's language with at most `decimals` decimals. */
export function useFormatNumber() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const cache = new Map<number, Intl.NumberFormat>();
    return (n: number | null | undefined, decimals = 2) => {
      if (n === null || n === undefined) return "—";
      let f = cache.get(decimals);
      if (!f) {
        f = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: decimals });
        cache.set(decimals, f);
      }
      return f.format(n);
    };
  }, [i18n.language]);
}
