import { describe, expect, it } from "vitest";
import type { InstrumentDefinition } from "./definition.ts";
import { findInstrument, LIBRARY } from "./library/index.ts";
import {
  type Answers,
  answerIssues,
  reliableChange,
  reliableChangePoints,
  round,
  scoreAnswers,
  scoreTotal,
  totalIssue,
} from "./score.ts";

const def = (code: string): InstrumentDefinition => findInstrument(code)!;

/** Answers 1…n from a list (null = not answered). */
const seq = (values: Array<number | null>, from = 1): Answers =>
  Object.fromEntries(values.map((v, i) => [String(i + from), v]));

type Case = [
  name: string,
  code: string,
  answers: Answers,
  expected: {
    total: number | null;
    band?: string | null;
    prorated?: boolean;
    flags?: string[];
    subscales?: Record<string, number | null>;
    mean?: number | null;
  },
];

// Every expected value below was scored by hand from the instrument's published rules.
const cases: Case[] = [
  ["PHQ-9 all zero", "PHQ-9", seq([0, 0, 0, 0, 0, 0, 0, 0, 0]), { total: 0, band: "minimal", flags: [] }],
  [
    "PHQ-9 mild with item 9 = 1",
    "PHQ-9",
    seq([1, 2, 0, 1, 0, 0, 1, 0, 1]),
    { total: 6, band: "mild", flags: ["self_harm_thoughts"] },
  ],
  ["PHQ-9 boundary 4 → minimal", "PHQ-9", seq([1, 1, 1, 1, 0, 0, 0, 0, 0]), { total: 4, band: "minimal" }],
  ["PHQ-9 boundary 20 → severe", "PHQ-9", seq([3, 3, 3, 3, 2, 2, 2, 2, 0]), { total: 20, band: "severe" }],
  ["PHQ-9 all three", "PHQ-9", seq([3, 3, 3, 3, 3, 3, 3, 3, 3]), { total: 27, band: "severe" }],
  [
    "PHQ-9 two missing: 7 × 2 answered → mean 2 × 9 = 18",
    "PHQ-9",
    seq([2, 2, 2, 2, 2, 2, 2, null, null]),
    { total: 18, band: "moderately_severe", prorated: true, flags: [] },
  ],
  [
    "PHQ-9 one missing: 23 / 8 × 9 = 25.875 → 26",
    "PHQ-9",
    seq([3, 3, 3, 3, 3, 3, 3, 2, null]),
    { total: 26, band: "severe", prorated: true },
  ],
  [
    "PHQ-9 three missing → no total",
    "PHQ-9",
    seq([2, 2, 2, 2, 2, 2, null, null, null]),
    { total: null, band: null },
  ],
  ["GAD-7 5 → mild", "GAD-7", seq([1, 1, 1, 1, 1, 0, 0]), { total: 5, band: "mild" }],
  ["GAD-7 15 → severe", "GAD-7", seq([3, 3, 3, 2, 2, 1, 1]), { total: 15, band: "severe" }],
  [
    "GAD-7 one missing: 12 / 6 × 7 = 14",
    "GAD-7",
    seq([2, 2, 2, 2, 2, 2, null]),
    { total: 14, band: "moderate", prorated: true },
  ],
  ["GAD-7 two missing → no total", "GAD-7", seq([2, 2, 2, 2, 2, null, null]), { total: null }],
  ["AUDIT zone II", "AUDIT", seq([2, 1, 1, 1, 0, 0, 1, 0, 2, 2]), { total: 10, band: "zone_2" }],
  ["AUDIT 7 → zone I", "AUDIT", seq([2, 1, 1, 1, 0, 0, 0, 0, 2, 0]), { total: 7, band: "zone_1" }],
  ["AUDIT maximum", "AUDIT", seq([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]), { total: 40, band: "zone_4" }],
  [
    "AUDIT one missing → no total (no proration)",
    "AUDIT",
    seq([2, 1, 1, 1, 0, 0, 1, 0, 2, null]),
    { total: null },
  ],
  ["AUDIT-C 3 → positive for women", "AUDIT-C", seq([1, 1, 1]), { total: 3, band: "positive_women" }],
  ["AUDIT-C 4 → positive", "AUDIT-C", seq([2, 1, 1]), { total: 4, band: "positive" }],
  ["K10 minimum", "K10", seq([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), { total: 10, band: "low" }],
  ["K10 15 → low", "K10", seq([2, 2, 2, 2, 2, 1, 1, 1, 1, 1]), { total: 15, band: "low" }],
  ["K10 16 → moderate", "K10", seq([2, 2, 2, 2, 2, 2, 1, 1, 1, 1]), { total: 16, band: "moderate" }],
  [
    "K10 one missing: 27 / 9 × 10 = 30",
    "K10",
    seq([3, 3, 3, 3, 3, 3, 3, 3, 3, null]),
    { total: 30, band: "very_high", prorated: true },
  ],
  [
    "CORE-10 all zero: items 2 and 3 reversed → 4 + 4",
    "CORE-10",
    seq([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    { total: 8, band: "low", flags: [] },
  ],
  [
    "CORE-10 all four: 8 × 4 + 0 + 0",
    "CORE-10",
    seq([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
    { total: 32, band: "severe", flags: ["risk_item"] },
  ],
  [
    "CORE-10 mixed: 2 + (4−1) + (4−3) + 0 + 1 + 0 + 2 + 1 + 2 + 0",
    "CORE-10",
    seq([2, 1, 3, 0, 1, 0, 2, 1, 2, 0]),
    { total: 12, band: "mild", flags: [] },
  ],
  [
    "CORE-10 one missing, reversed item answered: (2+3+1+0+1+0+2+1+2) / 9 × 10 = 13.3 → 13",
    "CORE-10",
    seq([2, 1, 3, 0, 1, 0, 2, 1, 2, null]),
    { total: 13, band: "mild", prorated: true },
  ],
  [
    "DASS-21 all one: each sub-scale 7 × 2 = 14",
    "DASS-21",
    seq(Array(21).fill(1)),
    { total: 42, subscales: { depression: 14, anxiety: 14, stress: 14 } },
  ],
  [
    "DASS-21 one depression item missing: prorated 6/6 × 7 × 2 = 14",
    "DASS-21",
    { ...seq(Array(21).fill(1)), "3": null },
    { total: 42, prorated: true, subscales: { depression: 14, anxiety: 14, stress: 14 } },
  ],
  [
    "DASS-21 two depression items missing → no depression, no total",
    "DASS-21",
    { ...seq(Array(21).fill(1)), "3": null, "5": null },
    { total: null, subscales: { depression: null, anxiety: 14, stress: 14 } },
  ],
  [
    "DASS-21 depression items 3, 0 elsewhere: D = 7 × 3 × 2 = 42",
    "DASS-21",
    Object.fromEntries(
      Array.from({ length: 21 }, (_, i) => [
        String(i + 1),
        ["3", "5", "10", "13", "16", "17", "21"].includes(String(i + 1)) ? 3 : 0,
      ]),
    ),
    { total: 42, subscales: { depression: 42, anxiety: 0, stress: 0 } },
  ],
  [
    "IMRS client: sum 49, mean 3.27",
    "IMRS-CLIENT",
    seq([4, 3, 2, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 5]),
    { total: 49, mean: 3.27, band: null },
  ],
  ["IMRS clinician minimum", "IMRS-CLINICIAN", seq(Array(15).fill(1)), { total: 15, mean: 1 }],
  [
    "IMRS item 13 blank (no medication): 14 × 4 → 60 prorated",
    "IMRS-CLIENT",
    { ...seq(Array(15).fill(4)), "13": null },
    { total: 60, prorated: true, mean: 4 },
  ],
  [
    "IMRS three blank → no total, mean of the answered",
    "IMRS-CLIENT",
    { ...seq(Array(15).fill(4)), "13": null, "14": null, "15": null },
    { total: null, mean: 4 },
  ],
  ["BSL-23 all one → mean 1.00", "BSL-23", seq(Array(23).fill(1)), { total: 1, band: "mild" }],
  [
    "BSL-23 6 ones / 23 = 0.26 → none or low",
    "BSL-23",
    seq([...Array(6).fill(1), ...Array(17).fill(0)]),
    { total: 0.26, band: "none_or_low" },
  ],
  [
    "BSL-23 7 ones / 23 = 0.30 → mild",
    "BSL-23",
    seq([...Array(7).fill(1), ...Array(16).fill(0)]),
    { total: 0.3, band: "mild" },
  ],
  [
    "BSL-23 two missing: mean over 21",
    "BSL-23",
    seq([...Array(21).fill(2), null, null]),
    { total: 2, band: "high", prorated: false },
  ],
  [
    "BSL-23 three missing → no score",
    "BSL-23",
    seq([...Array(20).fill(2), null, null, null]),
    { total: null },
  ],
  [
    "ZAN-BPD sectors",
    "ZAN-BPD",
    seq([4, 3, 2, 1, 0, 4, 3, 2, 1]),
    { total: 20, subscales: { affective: 9, cognitive: 1, impulsive: 7, interpersonal: 3 } },
  ],
  ["GHQ-12 all one", "GHQ-12", seq(Array(12).fill(1)), { total: 12 }],
  [
    "C-SSRS wish to be dead only → low",
    "C-SSRS",
    { ...seq([1, 0, 0, 0, 0, 0]), "6b": 0 },
    { total: null, flags: ["risk_low"] },
  ],
  [
    "C-SSRS ideation with method and lifetime behaviour → moderate only",
    "C-SSRS",
    { ...seq([1, 1, 1, 0, 0, 1]), "6b": 0 },
    { total: null, flags: ["risk_moderate"] },
  ],
  [
    "C-SSRS behaviour in the past 3 months → high",
    "C-SSRS",
    { ...seq([0, 0, 0, 0, 0, 1]), "6b": 1 },
    { total: null, flags: ["risk_high"] },
  ],
  ["C-SSRS all no → no flag", "C-SSRS", seq([0, 0, 0, 0, 0, 0]), { total: null, flags: [] }],
  [
    "SCID-5-PD BPD 5 of 9, NPD 4 of 9",
    "SCID-5-PD",
    { BPD: 5, NPD: 4, ASPD: 3 },
    { total: null, flags: ["diagnosis_ASPD", "diagnosis_BPD"] },
  ],
  [
    "ASSIST-Lite alcohol 2, tobacco not used (signs skipped → 0), cannabis 1",
    "ASSIST-Lite",
    {
      "alcohol.use": 1,
      "alcohol.1": 1,
      "alcohol.2": 0,
      "alcohol.3": 0,
      "tobacco.use": 0,
      "cannabis.use": 1,
      "cannabis.1": 0,
      "cannabis.2": 0,
    },
    {
      total: null,
      flags: ["problem_use_alcohol"],
      subscales: { alcohol: 2, tobacco: 0, cannabis: 1, opioids: null },
    },
  ],
];

describe("scoring engine, instrument by instrument (hand-scored)", () => {
  it.each(cases)("%s", (_name, code, answers, expected) => {
    const d = def(code);
    expect(answerIssues(d, answers)).toEqual([]);
    const r = scoreAnswers(d, answers);
    expect(r.total).toBe(expected.total);
    if (expected.band !== undefined) expect(r.band?.code ?? null).toBe(expected.band);
    if (expected.prorated !== undefined) expect(r.prorated).toBe(expected.prorated);
    if (expected.flags) expect(r.flags.map((f) => f.code).sort()).toEqual([...expected.flags].sort());
    if (expected.mean !== undefined) expect(r.meanItemScore).toBe(expected.mean);
    for (const [sub, score] of Object.entries(expected.subscales ?? {}))
      expect(r.subscales.find((s) => s.code === sub)?.score, sub).toBe(score);
  });

  it("reports the missing items and why there is no total", () => {
    const r = scoreAnswers(def("PHQ-9"), seq([2, 2, 2, 2, 2, 2, null, null, null]));
    expect(r.missing).toEqual(["7", "8", "9"]);
    expect(r.unscoredReason).toBe("3 items missing; at most 2 may be");
  });

  it("gives DASS-21 sub-scale bands", () => {
    const r = scoreAnswers(def("DASS-21"), seq(Array(21).fill(1)));
    expect(Object.fromEntries(r.subscales.map((s) => [s.code, s.band?.code]))).toEqual({
      depression: "moderate",
      anxiety: "moderate",
      stress: "normal",
    });
  });
});

describe("answer validation", () => {
  it.each<[string, string, Answers, string[]]>([
    ["an answer that is not an option", "PHQ-9", { "1": 4 }, ["1:not_an_option"]],
    ["a fractional answer", "PHQ-9", { "1": 1.5 }, ["1:not_an_option"]],
    ["an item the instrument does not have", "GAD-7", { "8": 1 }, ["8:unknown_item"]],
    ["AUDIT item 9 = 1 (answers are 0, 2, 4)", "AUDIT", { "9": 1 }, ["9:not_an_option"]],
    ["K10 answer 0 (answers are 1–5)", "K10", { "3": 0 }, ["3:not_an_option"]],
    ["C-SSRS 6b yes without behaviour", "C-SSRS", { "6": 0, "6b": 1 }, ["6b:skipped_item"]],
    [
      "ASSIST-Lite a sign without use",
      "ASSIST-Lite",
      { "opioids.use": 0, "opioids.1": 1 },
      ["opioids.1:skipped_item"],
    ],
    ["SCID-5-PD more criteria than the disorder has", "SCID-5-PD", { BPD: 10 }, ["BPD:not_an_option"]],
  ])("refuses %s", (_name, code, answers, expected) => {
    expect(answerIssues(def(code), answers).map((i) => `${i.item}:${i.rule}`)).toEqual(expected);
  });
});

describe("total-only entry", () => {
  it.each<[string, number, string | null]>([
    ["PHQ-9", 27, null],
    ["PHQ-9", 28, "28 is outside PHQ-9's range 0–27"],
    ["K10", 9, "9 is outside K10's range 10–50"],
    ["PHQ-9", 12.5, "PHQ-9's total is a whole number"],
    ["BSL-23", 1.25, null],
    ["BSL-23", 1.255, "BSL-23's total has at most 2 decimals"],
    ["BSL-23", 4.01, "4.01 is outside BSL-23's range 0–4"],
    ["SCID-5-PD", 3, "SCID-5-PD has no total score: enter its items"],
  ])("%s total %d → %s", (code, total, problem) => {
    expect(totalIssue(def(code), total)).toBe(problem);
  });

  it("bands a total, with the mean item score for the IMRS, and no item-level flags", () => {
    expect(scoreTotal(def("PHQ-9"), 12)).toMatchObject({
      entry: "total",
      band: { code: "moderate" },
      flags: [],
    });
    expect(scoreTotal(def("IMRS-CLIENT"), 54).meanItemScore).toBe(3.6);
  });
});

describe("reliable change", () => {
  it("uses published points, or 1.96 × SD × √(2(1 − r))", () => {
    expect(reliableChangePoints(def("PHQ-9"))).toBe(6);
    // IMRS client: 1.96 × 7.47 × √(2 × 0.21) = 1.96 × 7.47 × 0.648074 = 9.4888… → 9.49
    expect(reliableChangePoints(def("IMRS-CLIENT"))).toBe(9.49);
    // clinician: 1.96 × 8.45 × √(0.28) = 8.7637… → 8.76
    expect(reliableChangePoints(def("IMRS-CLINICIAN"))).toBe(8.76);
    expect(reliableChangePoints(def("AUDIT"))).toBeNull();
  });

  it.each<[string, number, number, string, number]>([
    ["PHQ-9", 20, 14, "improved", -1.96],
    ["PHQ-9", 20, 15, "no_reliable_change", -1.63],
    ["PHQ-9", 8, 14, "deteriorated", 1.96],
    ["IMRS-CLIENT", 40, 50, "improved", 2.07],
    ["IMRS-CLIENT", 50, 40, "deteriorated", -2.07],
  ])("%s %d → %d: %s (index %d)", (code, from, to, direction, index) => {
    expect(reliableChange(def(code), from, to)).toMatchObject({ direction, index });
  });
});

describe("library", () => {
  it("rounds half away from zero", () => {
    expect([round(2.5, 0), round(25.875, 0), round(0.2609, 2), round(-1.5, 0)]).toEqual([3, 26, 0.26, -2]);
  });

  it("has unique item ids, options, and flags and bands that refer to what exists", () => {
    for (const d of LIBRARY) {
      const ids = d.items.map((i) => i.id);
      expect(new Set(ids).size, d.code).toBe(ids.length);
      for (const i of d.items) expect(i.options.length, `${d.code} ${i.id}`).toBeGreaterThan(1);
      for (const s of d.subscales ?? []) for (const id of s.items ?? []) expect(ids, d.code).toContain(id);
      if (d.licence.textsIncluded)
        expect(d.items.every((i) => i.text && i.options.every((o) => o.label))).toBe(true);
      // score-only: no option wording at all (SCID-5-PD's labels are the criteria counts themselves)
      else
        expect(
          d.items.every((i) => i.options.every((o) => o.label === undefined || /^\d+$/.test(o.label))),
        ).toBe(true);
    }
  });
});
