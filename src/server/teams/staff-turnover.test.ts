import { describe, expect, it } from "vitest";
import { type StaffHistory, staffTurnover } from "./staff-turnover.ts";

const p = (joinedOn: string | null, leftOn: string | null): StaffHistory => ({ joinedOn, leftOn });

describe("staffTurnover", () => {
  it.each([
    {
      case: "nobody ever left: no turnover",
      staff: [p(null, null), p(null, null), p("2025-03-01", null)],
      year: 2025,
      expected: { startHeadcount: 2, endHeadcount: 3, joiners: 1, leavers: 0, turnover: 0 },
    },
    {
      case: "one leaver of four in post all year",
      staff: [p(null, null), p(null, null), p(null, null), p(null, "2025-06-30")],
      year: 2025,
      expected: { startHeadcount: 4, endHeadcount: 3, joiners: 0, leavers: 1, turnover: 1 / 3.5 },
    },
    {
      case: "leaving on 1 January counts in the start headcount and as a leaver of that year",
      staff: [p(null, null), p(null, "2025-01-01")],
      year: 2025,
      expected: { startHeadcount: 2, endHeadcount: 1, joiners: 0, leavers: 1, turnover: 1 / 1.5 },
    },
    {
      case: "leaving on 31 December is a leaver of that year, not of the next",
      staff: [p(null, null), p(null, "2024-12-31")],
      year: 2025,
      expected: { startHeadcount: 1, endHeadcount: 1, joiners: 0, leavers: 0, turnover: 0 },
    },
    {
      case: "joined and left inside the year: a joiner and a leaver, in neither headcount",
      staff: [p(null, null), p("2025-02-01", "2025-05-01")],
      year: 2025,
      expected: { startHeadcount: 1, endHeadcount: 1, joiners: 1, leavers: 1, turnover: 1 },
    },
    {
      case: "nobody in post: turnover is not a number",
      staff: [p("2026-01-10", null)],
      year: 2025,
      expected: { startHeadcount: 0, endHeadcount: 0, joiners: 0, leavers: 0, turnover: null },
    },
  ])("$case", ({ staff, year, expected }) => {
    const period = staffTurnover(staff, "2026-06-15").find((y) => y.year === year);
    expect(period).toMatchObject(expected);
  });

  it("covers the years up to today's, the current one to date", () => {
    const periods = staffTurnover([p(null, "2026-03-01"), p(null, null)], "2026-06-15");
    expect(periods.map((y) => [y.year, y.from, y.to])).toEqual([
      [2024, "2024-01-01", "2024-12-31"],
      [2025, "2025-01-01", "2025-12-31"],
      [2026, "2026-01-01", "2026-06-15"],
    ]);
    expect(periods[2]).toMatchObject({ startHeadcount: 2, endHeadcount: 1, leavers: 1 });
  });

  it("keeps end = start + joiners − leavers for any history", () => {
    const staff = [
      p(null, null),
      p("2024-05-05", "2025-02-02"),
      p("2025-01-01", null),
      p(null, "2024-01-01"),
      p("2026-01-01", "2026-01-01"),
    ];
    for (const y of staffTurnover(staff, "2026-03-03"))
      expect(y.endHeadcount).toBe(y.startHeadcount + y.joiners - y.leavers);
  });
});
