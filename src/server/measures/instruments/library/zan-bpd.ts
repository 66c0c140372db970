import { type InstrumentDefinition, likert, numberedItems } from "../definition.ts";
import { SCORE_ONLY } from "./bsl-23.ts";

const sector = (code: string, name: string, items: string[]) => ({
  code,
  name,
  items,
  method: "sum" as const,
  maxMissing: 0,
  decimals: 0,
  range: { min: 0, max: items.length * 4 },
});

/** Zanarini Rating Scale for Borderline Personality Disorder: 9 clinician ratings 0–4. */
export const ZAN_BPD: InstrumentDefinition = {
  code: "ZAN-BPD",
  name: "Zanarini Rating Scale for Borderline Personality Disorder",
  version: "1",
  respondents: ["clinician"],
  source:
    "Zanarini MC, Vujanovic AA, Parachini EA et al. Zanarini Rating Scale for Borderline Personality Disorder (ZAN-BPD): a continuous measure of DSM-IV borderline psychopathology. J Pers Disord 2003;17:233–242.",
  licence: { textsIncluded: false, notice: `© McLean Hospital / M. C. Zanarini. ${SCORE_ONLY}` },
  items: numberedItems(9, likert(0, 5)),
  subscales: [
    sector("affective", "Affective (items 1–3)", ["1", "2", "3"]),
    sector("cognitive", "Cognitive (items 4–5)", ["4", "5"]),
    sector("impulsive", "Impulsive (items 6–7)", ["6", "7"]),
    sector("interpersonal", "Interpersonal (items 8–9)", ["8", "9"]),
  ],
  total: { method: "sum", maxMissing: 0, decimals: 0, range: { min: 0, max: 36 } },
  higherIsBetter: false,
  notes: ["A clinician interview: every item is rated; the four sector scores are sums of their items."],
};
