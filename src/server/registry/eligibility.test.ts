import { describe, expect, it } from "vitest";
import { checkEligibility } from "./eligibility.ts";

const rules = { ageBand: { min: 18, max: 30 }, targetDiagnoses: ["F60.3"], newToServiceDays: 365 };
const base = {
  birthYear: 2000,
  firstContactDate: "2024-01-01",
  primaryDiagnosis: "F60.3",
  enrolmentDate: "2024-06-01",
};

describe("checkEligibility", () => {
  it.each([
    ["all met", {}, true, { age_band: true, target_diagnosis: true, new_to_service: true }],
    ["age 17 (2007) is below the band", { birthYear: 2007 }, false, { age_band: false }],
    ["age 18 (2006) is the band's lower edge", { birthYear: 2006 }, true, { age_band: true }],
    ["age 30 (1994) is the upper edge", { birthYear: 1994 }, true, { age_band: true }],
    ["age 31 (1993) is above", { birthYear: 1993 }, false, { age_band: false }],
    ["F60.31 matches the F60.3 prefix", { primaryDiagnosis: "F60.31" }, true, { target_diagnosis: true }],
    ["F603 (no dot) does not match", { primaryDiagnosis: "F603" }, false, { target_diagnosis: false }],
    ["f60.3 (lower case) does not match", { primaryDiagnosis: "f60.3" }, false, { target_diagnosis: false }],
    ["no diagnosis cannot be told", { primaryDiagnosis: null }, false, { target_diagnosis: null }],
    [
      "first contact exactly 365 days before",
      { firstContactDate: "2023-06-02" },
      true,
      { new_to_service: true },
    ],
    ["first contact 366 days before", { firstContactDate: "2023-06-01" }, false, { new_to_service: false }],
    [
      "first contact after enrolment is new",
      { firstContactDate: "2024-07-01" },
      true,
      { new_to_service: true },
    ],
    ["no first contact cannot be told", { firstContactDate: null }, false, { new_to_service: null }],
  ])("%s", (_name, patch, eligible, expected) => {
    const result = checkEligibility({ ...base, ...patch }, rules);
    expect(result.eligible).toBe(eligible);
    for (const [rule, ok] of Object.entries(expected)) {
      expect(result.checks.find((c) => c.rule === rule)?.ok, rule).toBe(ok);
    }
  });

  it("skips the diagnosis check when the programme names no target diagnosis", () => {
    const result = checkEligibility({ ...base, primaryDiagnosis: null }, { ...rules, targetDiagnoses: [] });
    expect(result.checks.map((c) => c.rule)).toEqual(["age_band", "new_to_service"]);
    expect(result.eligible).toBe(true);
  });
});
