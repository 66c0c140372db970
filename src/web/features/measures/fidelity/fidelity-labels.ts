import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { FidelityScale } from "../types.ts";

export type Level = "programme" | "organisation" | "team" | "therapist";

/** A scale level's name in the user's language. */
export function useLevelLabel() {
  const { t } = useTranslation();
  return useCallback((level: string) => t(`measures.fidelity.levels.${level as Level}`), [t]);
}

/** The label of a band code (`moderate`) as the scale words it ("Moderate fidelity (3 to < 4)"). */
export function cutoffLabel(scale: FidelityScale | undefined, code: string | null): string | null {
  if (code === null) return null;
  return scale?.cutoffs.find((c) => c.code === code)?.label ?? code;
}

/** Badge colour of a band code by its rank among the scale's cut-offs (lowest red, highest green). */
export function cutoffColour(scale: FidelityScale | undefined, code: string | null): string {
  const i = scale?.cutoffs.findIndex((c) => c.code === code) ?? -1;
  if (i < 0 || !scale) return "gray";
  const n = scale.cutoffs.length;
  return i === 0 ? "red" : i === n - 1 ? "green" : "yellow";
}
