import { describe, expect, it } from "vitest";
import { fillPeriods, monthlyAsOfs } from "./dates.ts";

describe("indicator periods", () => {
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
