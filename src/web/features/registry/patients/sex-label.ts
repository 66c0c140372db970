import { useTranslation } from "react-i18next";
import { SEXES } from "../../../../shared/vocabulary.ts";
import type { Sex } from "../../../app/data/registry-types.ts";

export { SEXES };

/** The sexes as options of a form, in the user's language. */
export function useSexOptions(): Array<{ value: Sex; label: string }> {
  const { t } = useTranslation();
  return SEXES.map((s) => ({ value: s, label: t(`registry.sex.${s}`) }));
}
