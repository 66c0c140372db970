import { describe, expect, it } from "vitest";
import { addDays, addMonths, fillPeriods, monthlyAsOfs } from "./dates.ts";

describe("civil dates", () => {
  it("adds days across months, leap days and years", () => {
    expect(addDays("2024-04-01", -90)).toBe("2024-01-02");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
  });

  it("gives month ends, the last capped at `to`", () => {
    expect(monthlyAsOfs("2024-01-15", "2024-04-10")).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-10",
    ]);
    expect(monthlyAsOfs("2024-06-30", "2024-06-30")).toEqual(["2024-06-30"]);
    expect(monthlyAsOfs("2023-12-01", "2024-01-31")).toEqual(["2023-12-31", "2024-01-31"]);
  });

  it("moves whole months from the first of the month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-01");
    expect(addMonths("2024-01-15", -11)).toBe("2023-02-01");
  });

  it("fills the periods between the first and the last", () => {
    expect(fillPeriods("enrolment_month", ["2024-03", "2023-12"])).toEqual([
      "2023-12",
      "2024-01",
      "2024-02",
      "2024-03",
    ]);
    expect(fillPeriods("enrolment_quarter", ["2023-Q3", "2024-Q2"])).toEqual([
      "2023-Q3",
      "2023-Q4",
      "2024-Q1",
      "2024-Q2",
    ]);
    expect(fillPeriods("enrolment_year", ["2024", "2021"])).toEqual(["2021", "2022", "2023", "2024"]);
    expect(fillPeriods("enrolment_year", [])).toEqual([]);
  });
});
