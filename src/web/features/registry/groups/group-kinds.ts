import { useTranslation } from "react-i18next";
import { GROUP_KINDS, IMR_MAX_SIZE } from "../../../../shared/vocabulary.ts";
import type { GroupKind } from "../../../app/data/registry-types.ts";

export { IMR_MAX_SIZE };

export function useGroupKindOptions(): Array<{ value: GroupKind; label: string }> {
  const { t } = useTranslation();
  return GROUP_KINDS.map((k) => ({ value: k, label: t(`registry.groupKinds.${k}`) }));
}

/** The practices whose modules a group of this kind runs through (modules of other practices are still allowed). */
export const PRACTICE_OF_KIND: Partial<Record<GroupKind, string>> = {
  dbt_skills: "BPD-STEPPED",
  imr: "IMR",
};
