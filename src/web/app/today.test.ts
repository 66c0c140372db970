import { afterEach, describe, expect, it } from "vitest";
import { setRegionTimeZone, todayIso } from "./today.ts";

// The test process runs in UTC (as servers and CI do): the region's day must still be Rome's.
describe("the web app's today is the region's civil day", () => {
  afterEach(() => setRegionTimeZone(null));

  // [instant (UTC), civil day in Europe/Rome]
  const cases: Array<[string, string]> = [
    ["2026-03-01T22:30:00Z", "2026-03-01"], // 23:30 in Rome (CET): still the 1st
    ["2026-03-01T23:30:00Z", "2026-03-02"], // 00:30 in Rome: already the 2nd, though UTC says the 1st
    ["2026-07-15T21:30:00Z", "2026-07-15"], // 23:30 in Rome (CEST)
    ["2026-07-15T22:30:00Z", "2026-07-16"], // 00:30 in Rome (CEST)
    ["2026-12-31T23:30:00Z", "2027-01-01"], // new year's night
  ];
  it.each(cases)("at %s it is %s in Rome", (instant, expected) => {
    setRegionTimeZone("Europe/Rome");
    expect(todayIso(new Date(instant))).toBe(expected);
  });

  it("follows another region's zone", () => {
    setRegionTimeZone("America/New_York");
    expect(todayIso(new Date("2026-03-02T03:30:00Z"))).toBe("2026-03-01");
  });

  it("uses the browser's zone before a session is known", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const now = new Date("2026-03-01T23:30:00Z");
    expect(todayIso(now)).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(now));
  });
});
