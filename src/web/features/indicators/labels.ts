import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { dashboardEn } from "./messages.en.ts";
import type { IndicatorMeta } from "./types.ts";

type BuiltInId = keyof typeof dashboardEn.indicators;

const isTranslated = (id: string): id is BuiltInId => Object.hasOwn(dashboardEn.indicators, id);

/**
 * An indicator's label and description in the user's language: the built-ins are translated,
 * the programme's own indicators keep the words their author gave them.
 */
export function useIndicatorText() {
  const { t } = useTranslation();
  const label = useCallback(
    (meta: Pick<IndicatorMeta, "id" | "label" | "builtIn">) =>
      meta.builtIn && isTranslated(meta.id) ? t(`dashboard.indicators.${meta.id}.label`) : meta.label,
    [t],
  );
  const description = useCallback(
    (meta: Pick<IndicatorMeta, "id" | "description" | "builtIn">) =>
      meta.builtIn && isTranslated(meta.id)
        ? t(`dashboard.indicators.${meta.id}.description`)
        : meta.description,
    [t],
  );
  return { label, description };
}
