import { type Band, type InstrumentDefinition, likert } from "../definition.ts";

const options = likert(0, [
  "Did not apply to me at all",
  "Applied to me to some degree, or some of the time",
  "Applied to me to a considerable degree, or a good part of time",
  "Applied to me very much, or most of the time",
]);
const texts = [
  "I found it hard to wind down",
  "I was aware of dryness of my mouth",
  "I couldn't seem to experience any positive feeling at all",
  "I experienced breathing difficulty (e.g. excessively rapid breathing, breathlessness in the absence of physical exertion)",
  "I found it difficult to work up the initiative to do things",
  "I tended to over-react to situations",
  "I experienced trembling (e.g. in the hands)",
  "I felt that I was using a lot of nervous energy",
  "I was worried about situations in which I might panic and make a fool of myself",
  "I felt that I had nothing to look forward to",
  "I found myself getting agitated",
  "I found it difficult to relax",
  "I felt down-hearted and blue",
  "I was intolerant of anything that kept me from getting on with what I was doing",
  "I felt I was close to panic",
  "I was unable to become enthusiastic about anything",
  "I felt I wasn't worth much as a person",
  "I felt that I was rather touchy",
  "I was aware of the action of my heart in the absence of physical exertion (e.g. sense of heart rate increase, heart missing a beat)",
  "I felt scared without any good reason",
  "I felt that life was meaningless",
];
/** A DASS sub-scale's severity bands, from its cut-offs for mild, moderate, severe and extremely severe. */
function severityBands(mild: number, moderate: number, severe: number, extremelySevere: number): Band[] {
  return [
    { min: 0, code: "normal", label: "Normal", level: 0 },
    { min: mild, code: "mild", label: "Mild", level: 1 },
    { min: moderate, code: "moderate", label: "Moderate", level: 2 },
    { min: severe, code: "severe", label: "Severe", level: 3 },
    { min: extremelySevere, code: "extremely_severe", label: "Extremely severe", level: 4 },
  ];
}
const sub = { method: "sum" as const, multiplier: 2, maxMissing: 1, decimals: 0, range: { min: 0, max: 42 } };

/** Depression Anxiety Stress Scales, 21-item version, over the past week. */
export const DASS21: InstrumentDefinition = {
  code: "DASS-21",
  name: "Depression Anxiety Stress Scales – 21",
  version: "1",
  respondents: ["patient"],
  instructions:
    "Please read each statement and choose a number 0, 1, 2 or 3 which indicates how much the statement applied to you over the past week.",
  source:
    "Lovibond SH, Lovibond PF. Manual for the Depression Anxiety Stress Scales, 2nd ed. Sydney: Psychology Foundation, 1995.",
  licence: {
    textsIncluded: true,
    notice:
      "The DASS is in the public domain and may be downloaded and copied freely; it may not be sold or altered (Psychology Foundation of Australia, www2.psy.unsw.edu.au/dass).",
  },
  items: texts.map((text, i) => ({ id: String(i + 1), text, options })),
  subscales: [
    {
      ...sub,
      code: "depression",
      name: "Depression",
      items: ["3", "5", "10", "13", "16", "17", "21"],
      bands: severityBands(10, 14, 21, 28),
    },
    {
      ...sub,
      code: "anxiety",
      name: "Anxiety",
      items: ["2", "4", "7", "9", "15", "19", "20"],
      bands: severityBands(8, 10, 15, 20),
    },
    {
      ...sub,
      code: "stress",
      name: "Stress",
      items: ["1", "6", "8", "11", "12", "14", "18"],
      bands: severityBands(15, 19, 26, 34),
    },
  ],
  total: { method: "subscales", maxMissing: 0, decimals: 0, range: { min: 0, max: 126 } },
  higherIsBetter: false,
  notes: [
    "Each sub-scale is the sum of its 7 items × 2 (comparable with the DASS-42); the total is the sum of the three sub-scales (0–126).",
    "With one item of a sub-scale missing, that sub-scale is prorated (mean of its 6 answered items × 7 × 2, rounded); with two or more missing it is not scored, and neither is the total.",
  ],
};
