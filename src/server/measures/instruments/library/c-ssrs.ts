import type { Condition, InstrumentDefinition, ResponseOption } from "../definition.ts";
import { SCORE_ONLY } from "./bsl-23.ts";

const yesNo: ResponseOption[] = [{ value: 0 }, { value: 1 }];

/** A flag's condition: a yes to any of the items. */
function anyYes(...items: string[]): Condition {
  return { anyOf: items.map((item) => ({ item, atLeast: 1 })) };
}

/**
 * Columbia Suicide Severity Rating Scale, screener (past month; behaviour lifetime and past 3
 * months). No total: the answers give a risk level (flags). Items 1–6 are yes (1) / no (0); item
 * "6b" is whether the behaviour of item 6 happened in the past 3 months.
 */
export const CSSRS: InstrumentDefinition = {
  code: "C-SSRS",
  name: "Columbia Suicide Severity Rating Scale — Screener",
  version: "1",
  respondents: ["clinician", "patient"],
  source:
    "Posner K, Brown GK, Stanley B et al. The Columbia–Suicide Severity Rating Scale. Am J Psychiatry 2011;168:1266–1277. Risk triage: the Columbia Protocol screener's triage levels.",
  licence: {
    textsIncluded: false,
    notice: `© The Research Foundation for Mental Hygiene, Inc. ${SCORE_ONLY}`,
  },
  items: [
    { id: "1", options: yesNo },
    { id: "2", options: yesNo },
    { id: "3", options: yesNo },
    { id: "4", options: yesNo },
    { id: "5", options: yesNo },
    { id: "6", options: yesNo },
    { id: "6b", options: yesNo, unscored: true, onlyIf: { item: "6", atLeast: 1 } },
  ],
  total: null,
  flags: [
    {
      code: "risk_high",
      group: "risk",
      message: "High risk: a yes to item 4 or 5, or behaviour (item 6) in the past 3 months.",
      when: anyYes("4", "5", "6b"),
    },
    {
      code: "risk_moderate",
      group: "risk",
      message: "Moderate risk: a yes to item 3, or behaviour (item 6) more than 3 months ago.",
      when: anyYes("3", "6"),
    },
    {
      code: "risk_low",
      group: "risk",
      message: "Low risk: a yes to item 1 or 2 only.",
      when: anyYes("1", "2"),
    },
  ],
  higherIsBetter: false,
  notes: [
    "Only the highest risk flag raised is shown (high, then moderate, then low).",
    "Item 6b may be yes only when item 6 is yes.",
  ],
};
