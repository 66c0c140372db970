import { type InstrumentDefinition, likert } from "../definition.ts";

const options = likert(1, [
  "None of the time",
  "A little of the time",
  "Some of the time",
  "Most of the time",
  "All of the time",
]);
const feelings = [
  "tired out for no good reason",
  "nervous",
  "so nervous that nothing could calm you down",
  "hopeless",
  "restless or fidgety",
  "so restless that you could not sit still",
  "depressed",
  "that everything was an effort",
  "so sad that nothing could cheer you up",
  "worthless",
];

/** Kessler Psychological Distress Scale (10 items), the last four weeks. */
export const K10: InstrumentDefinition = {
  code: "K10",
  name: "Kessler Psychological Distress Scale",
  version: "1",
  respondents: ["patient"],
  instructions: "These questions concern how you have been feeling over the past 30 days.",
  source:
    "Kessler RC et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959–976. Bands: Andrews G, Slade T. Aust N Z J Public Health 2001;25:494–497.",
  licence: {
    textsIncluded: true,
    notice:
      "The K10 is in the public domain (Harvard Medical School, National Comorbidity Survey) and may be used freely.",
  },
  items: feelings.map((f, i) => ({
    id: String(i + 1),
    text: `In the past 4 weeks, about how often did you feel ${f}?`,
    options,
  })),
  total: { method: "sum", maxMissing: 1, decimals: 0, range: { min: 10, max: 50 } },
  bands: [
    { min: 10, code: "low", label: "Low distress", level: 0 },
    { min: 16, code: "moderate", label: "Moderate distress", level: 1 },
    { min: 22, code: "high", label: "High distress", level: 2 },
    { min: 30, code: "very_high", label: "Very high distress", level: 3 },
  ],
  higherIsBetter: false,
  notes: [
    "With one item missing the total is prorated (mean × 10, rounded); with two or more it is not scored.",
  ],
};
