import { describe, expect, it } from "vitest";
import { addDays } from "../infra/time/civil-date.ts";
import { carePeriodEnd, earlyWindow, plansOfEnrolment } from "./early-window.ts";

const start = "2024-01-01";
const day = (d: number) => addDays(start, d);
const rules = { earlyWindowDays: 90, intensiveThreshold: 2, psychosocial: new Set(["psychotherapy"]) };
const care = (d: number, type = "psychotherapy", recipient = "patient") => ({
  date: day(d),
  type,
  recipient,
});

describe("early window (INDICATORS.md)", () => {
  it.each<[string, string | null, string, number[], Partial<ReturnType<typeof earlyWindow>>]>([
    [
      "day 89 counts, day 90 does not",
      null,
      day(200),
      [89, 90],
      { end: day(89), psychosocial: 1, closed: true },
    ],
    ["day 0 counts, the day before does not", null, day(200), [-1, 0], { psychosocial: 1 }],
    [
      "an enrolment ended on day 30 ends its window there",
      day(30),
      day(200),
      [30, 31],
      { end: day(30), psychosocial: 1 },
    ],
    [
      "an end on the enrolment day leaves day 0 only",
      day(0),
      day(200),
      [0, 1],
      { end: day(0), psychosocial: 1 },
    ],
    [
      "an open window counts up to today",
      null,
      day(10),
      [5, 11],
      { countedUntil: day(10), closed: false, daysLeft: 79, psychosocial: 1 },
    ],
    [
      "on its last day the window is still open",
      null,
      day(89),
      [89],
      { closed: false, daysLeft: 0, psychosocial: 1 },
    ],
    [
      "an enrolment dated after today counts nothing yet",
      null,
      day(-5),
      [0],
      { countedUntil: null, psychosocial: 0 },
    ],
    ["the threshold is reached at 2", null, day(200), [1, 2], { intensive: true }],
  ])("%s", (_name, endDate, asOf, days, expected) => {
    const result = earlyWindow(
      { enrolmentDate: start, endDate },
      rules,
      asOf,
      days.map((d) => care(d)),
    );
    expect(result).toMatchObject(expected);
  });

  it("counts every type, only psychosocial ones towards the threshold, and the family when reached", () => {
    const result = earlyWindow({ enrolmentDate: start, endDate: null }, rules, day(200), [
      care(1),
      care(2, "nursing", "patient_and_family"),
      care(3, "nursing"),
      care(95, "psychotherapy", "family"),
    ]);
    expect(result).toMatchObject({
      total: 3,
      psychosocial: 1,
      byType: { psychotherapy: 1, nursing: 2 },
      familyReached: true,
    });
  });

  it("uses the programme's window length", () => {
    const result = earlyWindow(
      { enrolmentDate: start, endDate: null },
      { ...rules, earlyWindowDays: 30 },
      day(200),
      [care(29), care(30)],
    );
    expect(result).toMatchObject({ end: day(29), psychosocial: 1 });
  });

  it("ends the care period at the end date or today, whichever comes first", () => {
    expect(carePeriodEnd({ enrolmentDate: start, endDate: day(10) }, day(20))).toBe(day(10));
    expect(carePeriodEnd({ enrolmentDate: start, endDate: day(30) }, day(20))).toBe(day(20));
    expect(carePeriodEnd({ enrolmentDate: start, endDate: null }, day(20))).toBe(day(20));
  });
});

describe("plans of an enrolment (INDICATORS.md)", () => {
  const plan = (id: number, code: string, d: number, signed: boolean) => ({
    id,
    code,
    createdDate: day(d),
    signedByPatient: signed,
  });

  it("takes plans from 90 days before enrolment to the end of care", () => {
    const result = plansOfEnrolment({ enrolmentDate: start, endDate: day(40) }, day(200), [
      plan(1, "A", -91, true),
      plan(2, "B", -90, true),
      plan(3, "C", 40, false),
      plan(4, "D", 41, true),
    ]);
    expect(result).toEqual({ count: 2, latestPlanId: 3, latestSigned: false });
  });

  it("breaks a tie on the created date by the greatest code, byte by byte", () => {
    const result = plansOfEnrolment({ enrolmentDate: start, endDate: null }, day(200), [
      plan(1, "TP-b", 5, true),
      plan(2, "TP-B", 5, false),
      plan(3, "TP-a", 5, false),
    ]);
    // "b" (0x62) > "a" (0x61) > "B" (0x42)
    expect(result).toEqual({ count: 3, latestPlanId: 1, latestSigned: true });
  });

  it("has no latest plan when there is none", () => {
    expect(plansOfEnrolment({ enrolmentDate: start, endDate: null }, day(200), [])).toEqual({
      count: 0,
      latestPlanId: null,
      latestSigned: null,
    });
  });
});
