import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogueType } from "../../app/data/registry-types.ts";

const BASE_TYPES = new Set([
  "assessment",
  "psychoeducation",
  "skills_training",
  "psychotherapy",
  "family_intervention",
  "job_placement",
  "social_support",
  "psychiatric_visit",
  "nursing",
  "crisis_intervention",
  "case_coordination",
  "other",
]);
type BaseType =
  | "assessment"
  | "psychoeducation"
  | "skills_training"
  | "psychotherapy"
  | "family_intervention"
  | "job_placement"
  | "social_support"
  | "psychiatric_visit"
  | "nursing"
  | "crisis_intervention"
  | "case_coordination"
  | "other";

/**
 * The name of an intervention type: the base taxonomy in the user's language, a practice's own
 * type by the label its practice gives it in that language, else its one label (from the
 * catalogue, when at hand), else its code.
 */
export function useTypeLabel(types?: CatalogueType[]) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith("it") ? "it" : "en";
  return useCallback(
    (code: string) => {
      if (BASE_TYPES.has(code)) return t(`interventionTypes.${code as BaseType}`);
      const own = types?.find((x) => x.code === code);
      return own ? (own.labels?.[language] ?? own.label) : code;
    },
    [t, types, language],
  );
}
