import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BarTexts } from "./bar-option.ts";
import { useFormat } from "./format.ts";
import { useIndicatorText } from "./labels.ts";
import type { IndicatorMeta } from "./types.ts";

/** The words and number formats of a bar chart, in the user's language. */
export function useBarTexts(meta: IndicatorMeta | undefined, smallThreshold: number): BarTexts | null {
  const { t } = useTranslation();
  const f = useFormat();
  const { label } = useIndicatorText();
  return useMemo(() => {
    if (!meta) return null;
    return {
      value: (cell, digits) => f.value(meta.kind, cell, digits),
      number: (v) => f.number(meta.kind, v, 0),
      fraction: f.fraction,
      indicator: label(meta),
      target: t("dashboard.target"),
      status: { met: t("dashboard.status.met"), notMet: t("dashboard.status.notMet") },
      smallSite: t("dashboard.smallSiteLong", { threshold: smallThreshold }),
      suppressedLong: t("dashboard.suppressedLong"),
      noDataLong: t("dashboard.noDataLong"),
      numeratorDenominator: `${t("dashboard.numerator")}/${t("dashboard.denominator")}`,
    };
  }, [meta, smallThreshold, f, label, t]);
}
