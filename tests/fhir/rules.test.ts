import { describe, expect, it } from "vitest";
import { fhirId, genderOf } from "../../src/server/fhir/code-systems.ts";
import { checkPeriod } from "../../src/server/fhir/period.ts";
import { episodeOfCare, patient } from "../../src/server/fhir/resources.ts";

/** The FHIR export's pure rules: sex → administrative gender, the period, ids, statuses. */
describe("FHIR export rules", () => {
  it.each([
    ["F", "female"],
    ["M", "male"],
    ["X", "other"],
    ["U", "unknown"],
    ["?", "unknown"],
  ])("maps sex %s to gender %s", (sex, gender) => {
    expect(genderOf(sex)).toBe(gender);
  });

  it.each<[string | undefined, string | undefined, unknown]>([
    ["2024-01-01", "2024-12-31", { period: { from: "2024-01-01", to: "2024-12-31" } }],
    ["2024-03-05", "2024-03-05", { period: { from: "2024-03-05", to: "2024-03-05" } }],
    [undefined, "2024-12-31", { issue: expect.objectContaining({ field: "from", rule: "required" }) }],
    ["2024-01-01", "", { issue: expect.objectContaining({ field: "to", rule: "required" }) }],
    ["  ", "2024-12-31", { issue: expect.objectContaining({ field: "from", rule: "required" }) }],
    [
      "2024-02-30",
      "2024-12-31",
      { issue: expect.objectContaining({ field: "from", rule: "calendar_date" }) },
    ],
    ["2024-01-01", "31/12/2024", { issue: expect.objectContaining({ field: "to", rule: "invalid_format" }) }],
    [
      "2024-06-01",
      "2024-05-31",
      { issue: expect.objectContaining({ field: "to", rule: "end_before_start" }) },
    ],
  ])("checks the period %s … %s", (from, to, expected) => {
    expect(checkPeriod(from, to)).toEqual(expected);
  });

  it.each([
    ["enrolled", "enrolled"],
    ["early_family_intervention", "early-family-intervention"],
    ["x".repeat(70), "x".repeat(64)],
  ])("makes the resource id of indicator %s", (id, expected) => {
    expect(fhirId(id)).toBe(expected);
  });

  it("writes a birth year as a four-digit year and never a name", () => {
    const p = patient({ id: 7, code: "PX", birth_year: 987, sex: "F" });
    expect(p).toEqual({
      resourceType: "Patient",
      id: "7",
      identifier: [
        { use: "secondary", system: "https://praxis-mh.org/fhir/NamingSystem/patient-code", value: "PX" },
      ],
      gender: "female",
      birthDate: "0987",
    });
  });

  it.each<[string | null, string]>([
    [null, "active"],
    ["2024-06-30", "finished"],
    ["2024-12-31", "finished"],
    ["2025-01-15", "active"],
  ])("an enrolment ending %s is %s at the end of 2024", (end, status) => {
    const e = episodeOfCare(
      {
        id: 1,
        code: "E1",
        patient_id: 2,
        site_id: 3,
        programme: "PRG",
        programme_name: "Programme",
        enrolment_date: "2024-01-01",
        end_date: end,
        end_reason: null,
      },
      { from: "2024-01-01", to: "2024-12-31" },
    );
    expect(e.status).toBe(status);
  });
});
