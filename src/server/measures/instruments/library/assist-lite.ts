import type { Flag, InstrumentDefinition, Item, Subscale } from "../definition.ts";
import { SCORE_ONLY } from "./bsl-23.ts";

/**
 * ASSIST-Lite (WHO ASSIST short screen), past 3 months. For each substance class the screen asks
 * whether it was used and then whether two (alcohol: three) signs of problem use were present;
 * each answer is no (0) or yes (1). A substance's score is the number of yes answers, counted only
 * when it was used. No total across substances.
 */
const SUBSTANCES: Array<{ id: string; name: string; signs: number }> = [
  { id: "tobacco", name: "Tobacco", signs: 2 },
  { id: "alcohol", name: "Alcohol", signs: 3 },
  { id: "cannabis", name: "Cannabis", signs: 2 },
  { id: "stimulants", name: "Stimulants", signs: 2 },
  { id: "sedatives", name: "Sedatives", signs: 2 },
  { id: "opioids", name: "Opioids", signs: 2 },
  { id: "other", name: "Other psychoactive substances", signs: 2 },
];
const yesNo = [{ value: 0 }, { value: 1 }];

const items: Item[] = SUBSTANCES.flatMap((s) => [
  { id: `${s.id}.use`, options: yesNo },
  ...Array.from({ length: s.signs }, (_, i) => ({
    id: `${s.id}.${i + 1}`,
    options: yesNo,
    onlyIf: { item: `${s.id}.use`, atLeast: 1 },
  })),
]);

const subscales: Subscale[] = SUBSTANCES.map((s) => ({
  code: s.id,
  name: s.name,
  items: [`${s.id}.use`, ...Array.from({ length: s.signs }, (_, i) => `${s.id}.${i + 1}`)],
  method: "sum",
  maxMissing: 0,
  decimals: 0,
  range: { min: 0, max: s.signs + 1 },
  bands: [
    { min: 0, code: "lower_risk", label: "Lower risk", level: 0 },
    {
      min: 2,
      code: "problem_use",
      label: "Probable problem use: offer assessment and brief intervention",
      level: 1,
    },
  ],
}));

const flags: Flag[] = SUBSTANCES.map((s) => ({
  code: `problem_use_${s.id}`,
  message: `${s.name}: used in the past 3 months with at least one sign of problem use.`,
  when: { subscale: s.id, atLeast: 2 },
}));

export const ASSIST_LITE: InstrumentDefinition = {
  code: "ASSIST-Lite",
  name: "ASSIST-Lite (WHO Alcohol, Smoking and Substance Involvement Screening Test, short screen)",
  version: "1",
  respondents: ["patient", "clinician"],
  source:
    "Ali R, Meena S, Eastwood B, Richards I, Marsden J. Ultra-rapid screening for substance-use disorders: the Alcohol, Smoking and Substance Involvement Screening Test (ASSIST-Lite). Drug Alcohol Depend 2013;132:352–361.",
  licence: {
    textsIncluded: false,
    notice: `Wording adapted and distributed by national health agencies. ${SCORE_ONLY}`,
  },
  items,
  subscales,
  total: null,
  flags,
  higherIsBetter: false,
  notes: [
    "Per substance: use (0/1) plus each sign of problem use (0/1); signs are answered only when the substance was used. Scores of 2 or more are flagged.",
    "Items not asked because the substance was not used count as 0 (not missing).",
  ],
};
