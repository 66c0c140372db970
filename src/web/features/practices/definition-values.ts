import type { PracticeBody, PracticeDefinition } from "../../app/types.ts";

type NumberValue = number | string;

/** A practice definition as the editor holds it: numbers may be empty (""). */
export interface DefinitionFormValues {
  description: string;
  components: Array<{ code: string; name: string; modules: Array<{ code: string; name: string }> }>;
  interventionTypes: Array<{
    code: string;
    label: string;
    labels?: { en?: string; it?: string };
    psychosocial: boolean;
  }>;
  eligibility: {
    ageMin: NumberValue;
    ageMax: NumberValue;
    targetDiagnoses: string[];
    newToServiceDays: NumberValue;
  };
}

export const emptyDefinition = (): DefinitionFormValues => ({
  description: "",
  components: [],
  interventionTypes: [],
  eligibility: { ageMin: "", ageMax: "", targetDiagnoses: [], newToServiceDays: "" },
});

export function definitionToForm(d: PracticeDefinition): DefinitionFormValues {
  return {
    description: d.description,
    components: d.components.map((c) => ({
      code: c.code,
      name: c.name,
      modules: c.modules.map((m) => ({ ...m })),
    })),
    interventionTypes: d.interventionTypes.map((t) => ({ ...t })),
    eligibility: {
      ageMin: d.eligibility.ageMin ?? "",
      ageMax: d.eligibility.ageMax ?? "",
      targetDiagnoses: [...d.eligibility.targetDiagnoses],
      newToServiceDays: d.eligibility.newToServiceDays ?? "",
    },
  };
}

const optional = (v: NumberValue): number | null => (v === "" ? null : Number(v));

export function formToDefinition(v: DefinitionFormValues): PracticeBody["definition"] {
  return {
    description: v.description,
    components: v.components,
    // a label per language left empty is no label in that language
    interventionTypes: v.interventionTypes.map(({ labels, ...t }) => {
      const given = Object.fromEntries(Object.entries(labels ?? {}).filter(([, l]) => l?.trim()));
      return Object.keys(given).length ? { ...t, labels: given } : t;
    }),
    eligibility: {
      ageMin: optional(v.eligibility.ageMin),
      ageMax: optional(v.eligibility.ageMax),
      targetDiagnoses: v.eligibility.targetDiagnoses,
      newToServiceDays: optional(v.eligibility.newToServiceDays),
    },
  };
}

const SHOWN = [
  /^(code|name)$/,
  /^definition\.description$/,
  /^definition\.components\.\d+\.(code|name)$/,
  /^definition\.components\.\d+\.modules\.\d+\.(code|name)$/,
  /^definition\.interventionTypes\.\d+\.(code|label|psychosocial)$/,
  /^definition\.interventionTypes\.\d+\.labels\.(en|it)$/,
  /^definition\.eligibility\.(ageMin|ageMax|newToServiceDays|targetDiagnoses)(\.\d+)?$/,
];
export const isShownPracticeField = (path: string) => SHOWN.some((re) => re.test(path));
