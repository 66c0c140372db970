import { type InstrumentDefinition, type Item, likert } from "../definition.ts";

const options = likert(0, [
  "Not at all",
  "Only occasionally",
  "Sometimes",
  "Often",
  "Most or all of the time",
]);
const item = (id: string, text: string, extra: Partial<Item> = {}): Item => ({ id, text, options, ...extra });

/** CORE-10: the ten-item Clinical Outcomes in Routine Evaluation measure, over the last week. */
export const CORE10: InstrumentDefinition = {
  code: "CORE-10",
  name: "Clinical Outcomes in Routine Evaluation – 10",
  version: "1",
  respondents: ["patient"],
  instructions: "This form has 10 statements about how you have been OVER THE LAST WEEK.",
  source:
    "Barkham M, Bewick B, Mullin T et al. The CORE-10: A short measure of psychological distress for routine use in the psychological therapies. Couns Psychother Res 2013;13:3–13.",
  licence: {
    textsIncluded: true,
    notice:
      "© CORE System Trust. May be copied freely provided it is not changed in any way and not used for profit (https://www.coresystemtrust.org.uk/copyright-and-licensing). The wording below is unchanged.",
  },
  items: [
    item("1", "I have felt tense, anxious or nervous"),
    item("2", "I have felt I have someone to turn to for support when needed", { reversed: true }),
    item("3", "I have felt able to cope when things go wrong", { reversed: true }),
    item("4", "Talking to people has felt too much for me"),
    item("5", "I have felt panic or terror"),
    item("6", "I made plans to end my life"),
    item("7", "I have had difficulty getting to sleep or staying asleep"),
    item("8", "I have felt despairing or hopeless"),
    item("9", "I have felt unhappy"),
    item("10", "Unwanted images or memories have been distressing me"),
  ],
  total: { method: "sum", maxMissing: 1, decimals: 0, range: { min: 0, max: 40 } },
  bands: [
    { min: 0, code: "healthy", label: "Healthy", level: 0 },
    { min: 6, code: "low", label: "Low level", level: 1 },
    { min: 11, code: "mild", label: "Mild (clinical range from 11)", level: 2 },
    { min: 15, code: "moderate", label: "Moderate", level: 3 },
    { min: 20, code: "moderately_severe", label: "Moderate-to-severe", level: 4 },
    { min: 25, code: "severe", label: "Severe", level: 5 },
  ],
  flags: [
    {
      code: "risk_item",
      message: "Item 6 (plans to end my life) is above 0: assess risk today.",
      when: { item: "6", atLeast: 1 },
    },
  ],
  higherIsBetter: false,
  reliableChange: {
    kind: "points",
    points: 6,
    source: "Barkham et al. 2013: reliable change index of 6 points on the CORE-10 (0–40) total.",
  },
  notes: [
    "Items 2 and 3 are positively worded and reverse-scored (4 − answer).",
    "With one item missing the total is prorated (mean × 10, rounded); with two or more it is not scored.",
  ],
};
