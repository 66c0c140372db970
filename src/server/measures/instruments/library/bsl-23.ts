import { type InstrumentDefinition, likert, numberedItems } from "../definition.ts";

const SCORE_ONLY =
  "Structure and scoring only: the item wording is copyrighted and is not shipped with Praxis. A service holding a licence loads its wording (administrators: PUT /api/instruments/:code/wording).";

/** Borderline Symptom List 23: mean of 23 items rated 0–4 over the last week. Score entry only. */
export const BSL23: InstrumentDefinition = {
  code: "BSL-23",
  name: "Borderline Symptom List 23",
  version: "1",
  respondents: ["patient"],
  source:
    "Bohus M, Kleindienst N, Limberger MF et al. The short version of the Borderline Symptom List (BSL-23). Psychopathology 2009;42:32–39. Severity grades: Kleindienst N et al. Borderline Personal Disord Emot Dysregul 2020;7:11.",
  licence: { textsIncluded: false, notice: `© Bohus et al. ${SCORE_ONLY}` },
  items: numberedItems(23, likert(0, 5)),
  total: { method: "mean", maxMissing: 2, decimals: 2, range: { min: 0, max: 4 } },
  bands: [
    { min: 0, code: "none_or_low", label: "None or low", level: 0 },
    { min: 0.29, code: "mild", label: "Mild", level: 1 },
    { min: 1.05, code: "moderate", label: "Moderate", level: 2 },
    { min: 1.5, code: "high", label: "High", level: 3 },
    { min: 2.06, code: "very_high", label: "Very high", level: 4 },
    { min: 2.68, code: "extremely_high", label: "Extremely high", level: 5 },
  ],
  higherIsBetter: false,
  notes: [
    "The score is the mean of the answered items (0–4, two decimals); with three or more items missing it is not scored.",
  ],
};

export { SCORE_ONLY };
