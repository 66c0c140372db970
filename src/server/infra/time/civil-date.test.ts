import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addDays,
  addMonths,
  DEFAULT_TIME_ZONE,
  dayNumber,
  daysBetween,
  fromDayNumber,
  minDate,
  monthEnd,
  monthNumber,
  regionTimeZone,
  today,
  yearOf,
} from "./civil-date.ts";

afterEach(() => vi.unstubAllEnvs());

describe("today: the region's civil day, whatever zone the process runs in", () => {
  it("runs with the process in UTC (the premise of the table)", () => {
    expect(process.env.TZ).toBe("UTC");
    expect(new Date("2026-03-28T23:30:00Z").getTimezoneOffset()).toBe(0);
  });

  // [instant (UTC), civil time in Europe/Rome, expected civil date]
  const rome: [string, string, string][] = [
    ["2026-03-28T22:30:00Z", "23:30 CET", "2026-03-28"],
    ["2026-03-28T23:30:00Z", "00:30 CET", "2026-03-29"],
    // Summer time starts on Sunday 29 March 2026 at 01:00Z (02:00 CET becomes 03:00 CEST).
    ["2026-03-29T00:30:00Z", "01:30 CET", "2026-03-29"],
    ["2026-03-29T01:30:00Z", "03:30 CEST", "2026-03-29"],
    ["2026-03-29T21:30:00Z", "23:30 CEST", "2026-03-29"],
    ["2026-03-29T22:30:00Z", "00:30 CEST", "2026-03-30"],
    ["2026-07-15T21:30:00Z", "23:30 CEST", "2026-07-15"],
    ["2026-07-15T22:30:00Z", "00:30 CEST", "2026-07-16"],
    ["2026-10-24T21:30:00Z", "23:30 CEST", "2026-10-24"],
    ["2026-10-24T22:30:00Z", "00:30 CEST", "2026-10-25"],
    // Summer time ends on Sunday 25 October 2026 at 01:00Z (03:00 CEST becomes 02:00 CET).
    ["2026-10-25T00:30:00Z", "02:30 CEST", "2026-10-25"],
    ["2026-10-25T01:30:00Z", "02:30 CET", "2026-10-25"],
    ["2026-10-25T22:30:00Z", "23:30 CET", "2026-10-25"],
    ["2026-10-25T23:30:00Z", "00:30 CET", "2026-10-26"],
    ["2026-12-31T22:30:00Z", "23:30 CET", "2026-12-31"],
    ["2026-12-31T23:30:00Z", "00:30 CET", "2027-01-01"],
  ];

  it.each(rome)("%s (%s in Rome) is %s in Europe/Rome", (instant, _civil, expected) => {
    expect(today(new Date(instant), "Europe/Rome")).toBe(expected);
  });

  it.each(rome)("%s (%s in Rome) is %s with the default zone", (instant, _civil, expected) => {
    vi.stubEnv("PRAXIS_TIME_ZONE", undefined);
    expect(DEFAULT_TIME_ZONE).toBe("Europe/Rome");
    expect(today(new Date(instant))).toBe(expected);
  });

  // [PRAXIS_TIME_ZONE, instant (UTC), expected civil date]
  const elsewhere: [string, string, string][] = [
    ["UTC", "2026-03-28T23:30:00Z", "2026-03-28"],
    ["UTC", "2026-03-29T00:30:00Z", "2026-03-29"],
    // New York is on summer time (UTC−4) from 8 March 2026.
    ["America/New_York", "2026-03-28T03:30:00Z", "2026-03-27"],
    ["America/New_York", "2026-03-28T04:30:00Z", "2026-03-28"],
    ["America/New_York", "2026-03-28T23:30:00Z", "2026-03-28"],
    ["Asia/Tokyo", "2026-03-28T14:30:00Z", "2026-03-28"],
    ["Asia/Tokyo", "2026-03-28T15:30:00Z", "2026-03-29"],
  ];

  it.each(elsewhere)("PRAXIS_TIME_ZONE=%s: %s is %s", (zone, instant, expected) => {
    vi.stubEnv("PRAXIS_TIME_ZONE", zone);
    expect(regionTimeZone()).toBe(zone);
    expect(today(new Date(instant))).toBe(expected);
    expect(today(new Date(instant), zone)).toBe(expected);
  });

  it("takes the default for a blank PRAXIS_TIME_ZONE and refuses an unknown one", () => {
    expect(regionTimeZone({ PRAXIS_TIME_ZONE: "  " })).toBe("Europe/Rome");
    expect(regionTimeZone({})).toBe("Europe/Rome");
    expect(() => regionTimeZone({ PRAXIS_TIME_ZONE: "Europe/Atlantis" })).toThrow(/not a time zone/);
  });
});

describe("civil-date arithmetic (whole days, no time zone)", () => {
  it("adds days across months, leap days, years and the DST changes", () => {
    expect(addDays("2024-04-01", -90)).toBe("2024-01-02");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-10-26", -1)).toBe("2026-10-25");
    expect(addDays("2026-01-01", 89)).toBe("2026-03-31");
    expect(addDays("2026-05-04", 0)).toBe("2026-05-04");
  });

  it("moves whole months from the first of the month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-01");
    expect(addMonths("2024-01-15", -11)).toBe("2023-02-01");
    expect(addMonths("2026-12-10", 1)).toBe("2027-01-01");
    expect(addMonths("2026-03-29", 0)).toBe("2026-03-01");
  });

  it("gives the last day of the month", () => {
    expect(monthEnd("2024-02-10")).toBe("2024-02-29");
    expect(monthEnd("2023-02-01")).toBe("2023-02-28");
    expect(monthEnd("2026-03-29")).toBe("2026-03-31");
    expect(monthEnd("2026-10-25")).toBe("2026-10-31");
    expect(monthEnd("2026-12-31")).toBe("2026-12-31");
  });

  it("counts whole days between dates, across the DST changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-03-30", "2026-03-28")).toBe(-2);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-05-04", "2026-05-04")).toBe(0);
    expect(daysBetween("2026-01-01", addDays("2026-01-01", 89))).toBe(89);
  });

  it("takes the earlier date and the year", () => {
    expect(minDate("2026-03-29", "2026-03-28")).toBe("2026-03-28");
    expect(minDate("2025-12-31", "2026-01-01")).toBe("2025-12-31");
    expect(yearOf("2026-03-29")).toBe(2026);
  });
});

describe("day and month numbers (an import's facts pass)", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-02-29", 11_016],
    ["2024-03-01", 19_783],
    ["1969-12-31", -1],
  ])("counts %s as day %i since 1970-01-01, and back", (iso, n) => {
    expect(dayNumber(iso)).toBe(n);
    expect(daysBetween("1970-01-01", iso)).toBe(n);
    expect(fromDayNumber(n)).toBe(iso);
  });

  it("agrees with daysBetween on every day from 1900 to 2100", () => {
    const wrong: string[] = [];
    for (let d = "1900-01-01", n = daysBetween("1970-01-01", d); d < "2101-01-01"; d = addDays(d, 1), n++)
      if (dayNumber(d) !== n) wrong.push(d);
    expect(wrong).toEqual([]);
  });

  it("numbers months consecutively across years", () => {
    expect(monthNumber("2024-12-20") + 1).toBe(monthNumber("2025-01-05"));
    expect(monthNumber("2025-02-18") - monthNumber("2024-12-20")).toBe(2);
    expect(monthNumber("2024-01-31")).toBe(2024 * 12);
  });
});
