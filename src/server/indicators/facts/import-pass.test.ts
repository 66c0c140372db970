import { describe, expect, it } from "vitest";
import { daysBetween } from "../../infra/time/civil-date.ts";
import { computeImportPass, InterventionCapture, type PassEnrolment } from "./import-pass.ts";

/** The pass's rows as objects, by the columns it copies. */
async function passRows(capture: InterventionCapture, enrolments: PassEnrolment[]) {
  const pass = await computeImportPass(capture, enrolments, async () => {});
  return pass.text
    .join("")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.split("\t"));
}

const day = (iso: string) => daysBetween("1970-01-01", iso);

const enrolment = (over: Partial<PassEnrolment> = {}): PassEnrolment => ({
  id: 10,
  patientId: 1,
  programmeId: 3,
  siteId: 7,
  start: day("2024-12-20"),
  end: null,
  startMonth: 2024 * 12 + 11,
  earlyDays: 60,
  psychosocial: ["psychoeducation"],
  ...over,
});

describe("the import's facts pass in Node", () => {
  it("sums care into its enrolment's month (across a year) and its site's day, inside the care period only", async () => {
    const c = new InterventionCapture();
    c.add(1, "2024-12-19", "nursing", "patient"); // before the enrolment: not counted
    c.add(1, "2024-12-20", "psychoeducation", "family"); // day 0, early, psychosocial, family
    c.add(1, "2025-01-05", "assessment", "patient"); // month 1, early, not psychosocial here
    c.add(1, "2025-02-17", "psychoeducation", "patient"); // day 59: the early window's last day
    c.add(1, "2025-02-18", "psychoeducation", "patient_and_family"); // day 60: past it
    c.add(2, "2025-01-05", "nursing", "patient"); // a patient with no enrolment
    const rows = await passRows(c, [enrolment()]);
    // g, id, m, programme, site, date, early_psy, 7 early types, care_iv, care_psy, care_family, family_first, last_date
    expect(rows.map((r) => r.join(" "))).toEqual([
      "0 10 0 3 \\N \\N 1 0 1 0 0 0 0 0 1 1 1 2024-12-20 2024-12-20",
      "0 10 1 3 \\N \\N 0 1 0 0 0 0 0 0 1 0 0 \\N 2025-01-05",
      "0 10 2 3 \\N \\N 1 0 1 0 0 0 0 0 2 2 1 2025-02-18 2025-02-18",
      "1 \\N \\N 3 7 2024-12-20 1 0 1 0 0 0 0 0 1 1 1 2024-12-20 2024-12-20",
      "1 \\N \\N 3 7 2025-01-05 0 1 0 0 0 0 0 0 1 0 0 \\N 2025-01-05",
      "1 \\N \\N 3 7 2025-02-17 1 0 1 0 0 0 0 0 1 1 0 \\N 2025-02-17",
      "1 \\N \\N 3 7 2025-02-18 0 0 0 0 0 0 0 0 1 1 1 2025-02-18 2025-02-18",
    ]);
  });

  it("counts care once for each enrolment whose period holds it, the end date included", async () => {
    const c = new InterventionCapture();
    c.add(1, "2025-01-10", "nursing", "patient");
    c.add(1, "2025-01-11", "nursing", "patient");
    const ended = enrolment({ id: 11, end: day("2025-01-10") });
    const other = enrolment({
      id: 12,
      programmeId: 4,
      siteId: 8,
      start: day("2025-01-01"),
      startMonth: 2025 * 12,
    });
    const rows = await passRows(c, [ended, other]);
    const months = rows.filter((r) => r[0] === "0").map((r) => [r[1], r[2], r[14]]);
    expect(months).toEqual([
      ["11", "1", "1"],
      ["12", "0", "2"],
    ]);
    const days = rows.filter((r) => r[0] === "1").map((r) => [r[3], r[4], r[5], r[14]]);
    expect(days).toEqual([
      ["3", "7", "2025-01-10", "1"],
      ["4", "8", "2025-01-10", "1"],
      ["4", "8", "2025-01-11", "1"],
    ]);
  });

  it("drops the capture past its limit, so the rebuild makes its own pass", () => {
    const c = new InterventionCapture(3);
    for (let i = 0; i < 3; i++) c.add(1, "2025-01-10", "nursing", "patient");
    expect(c.overflowed).toBe(false);
    expect(c.length).toBe(3);
    c.add(1, "2025-01-10", "nursing", "patient");
    expect(c.overflowed).toBe(true);
    expect(c.length).toBe(0);
  });
});
