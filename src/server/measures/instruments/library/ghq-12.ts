import { type InstrumentDefinition, likert, numberedItems } from "../definition.ts";
import { SCORE_ONLY } from "./bsl-23.ts";

/** General Health Questionnaire-12, Likert scoring 0-1-2-3 (0–36). Score entry only. */
export const GHQ12: InstrumentDefinition = {
  code: "GHQ-12",
  name: "General Health Questionnaire-12",
  version: "1",
  respondents: ["patient"],
  source:
    "Goldberg D, Williams P. A User's Guide to the General Health Questionnaire. Windsor: NFER-Nelson, 1988.",
  licence: { textsIncluded: false, notice: `© GL Assessment. ${SCORE_ONLY}` },
  items: numberedItems(12, likert(0, 4)),
  total: { method: "sum", maxMissing: 0, decimals: 0, range: { min: 0, max: 36 } },
  subscales: [],
  higherIsBetter: false,
  notes: [
    "Likert scoring (0-1-2-3 per item, total 0–36), as in the exchange format. The four answers of every item are entered from the least to the most distressed (0–3), so no item is reversed.",
    "No severity bands: caseness thresholds depend on the population and on the scoring method.",
  ],
};
