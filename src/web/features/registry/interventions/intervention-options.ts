import { useTranslation } from "react-i18next";
import { RECIPIENTS, SETTINGS } from "../../../../shared/vocabulary.ts";
import type {
  CatalogueType,
  InterventionDefaults,
  Recipient,
  Setting,
} from "../../../app/data/registry-types.ts";
import type { Professional } from "../../../app/types.ts";
import { useTypeLabel } from "../labels.ts";
import { professionalProfileOf } from "./professional-profile.ts";

/** The intervention types to offer: psychosocial ones first, each group in the catalogue's order. */
export function useTypeOptions(
  types: CatalogueType[],
): Array<{ value: string; label: string; psychosocial: boolean }> {
  const label = useTypeLabel(types);
  return [...types.filter((x) => x.psychosocial), ...types.filter((x) => !x.psychosocial)].map((x) => ({
    value: x.code,
    label: label(x.code),
    psychosocial: x.psychosocial,
  }));
}

export type ModuleOptions = Array<{ group: string; items: Array<{ value: string; label: string }> }>;

/** Modules grouped by their practice, for a Select. */
export const moduleOptions = (modules: InterventionDefaults["modules"]): ModuleOptions => {
  const byPractice = new Map<string, Array<{ value: string; label: string }>>();
  for (const m of modules) {
    const items = byPractice.get(m.practiceCode) ?? [];
    items.push({ value: m.code, label: `${m.code} — ${m.name}` });
    byPractice.set(m.practiceCode, items);
  }
  return [...byPractice].map(([group, items]) => ({ group, items }));
};

export function useSettingOptions(): Array<{ value: Setting; label: string }> {
  const { t } = useTranslation();
  return SETTINGS.map((s) => ({ value: s, label: t(`registry.setting.${s}`) }));
}

export function useRecipientOptions(): Array<{ value: Recipient; label: string }> {
  const { t } = useTranslation();
  return RECIPIENTS.map((r) => ({ value: r, label: t(`registry.recipient.${r}`) }));
}

/** The site's professionals for a Select: code and profile. */
export function useProfessionalOptions(professionals: Professional[] | undefined) {
  const { t } = useTranslation();
  return (professionals ?? []).map((p) => ({
    value: p.code,
    label: `${p.code} — ${t(`profiles.${p.profile}`)}`,
  }));
}

/**
 * Everything an intervention form offers at a site, from the server's defaults and the site's
 * professionals: the types (and their labels), settings, recipients, professionals, modules, and
 * the profile recorded with a professional's code.
 */
export function useInterventionOptions(
  defaults: InterventionDefaults,
  professionals: Professional[] | undefined,
) {
  return {
    types: useTypeOptions(defaults.types),
    typeLabel: useTypeLabel(defaults.types),
    settings: useSettingOptions(),
    recipients: useRecipientOptions(),
    professionals: useProfessionalOptions(professionals),
    modules: moduleOptions(defaults.modules),
    profileOf: professionalProfileOf(professionals, defaults),
  };
}
