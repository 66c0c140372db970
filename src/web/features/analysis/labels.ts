import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { AnalysisResult } from "./types.ts";

/** A group key as people read it: sexes, service kinds and "all" translated, codes as they are. */
export function useGroupLabel(grouping: AnalysisResult["request"]["grouping"]) {
  const { t } = useTranslation();
  return useCallback(
    (key: string | null) => {
      if (key === null) return t("analysis.table.all");
      if (grouping === "sex") return t(`registry.sex.${key}`, { defaultValue: key });
      if (grouping === "service_kind") return t(`serviceKinds.${key}`, { defaultValue: key });
      if (grouping === "imr_modules_band") return t("analysis.table.modules", { band: key });
      return key;
    },
    [t, grouping],
  );
}

/** A category of a categorical outcome (sex, still active) as people read it. */
export function useCategoryLabel(outcome: AnalysisResult["request"]["outcome"]) {
  const { t } = useTranslation();
  return useCallback(
    (value: string) => {
      if (outcome === "sex") return t(`registry.sex.${value}`, { defaultValue: value });
      if (outcome === "active") return t(`analysis.active.${value}`, { defaultValue: value });
      return value;
    },
    [t, outcome],
  );
}
