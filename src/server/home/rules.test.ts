import { describe, expect, it } from "vitest";
import { principalWith as principal } from "../../../tests/support/principal.ts";
import { missesTarget } from "./below-target.ts";
import { fidelityDue, sameDayMonthsLater } from "./fidelity-due.ts";
import { homeScope } from "./scope.ts";

describe("missesTarget", () => {
  it.each([
    [10, 15, "higher_is_better", true],
    [15, 15, "higher_is_better", false],
    [20, 15, "higher_is_better", false],
    [0.2, 0.1, "lower_is_better", true],
    [0.1, 0.1, "lower_is_better", false],
    [0.05, 0.1, "lower_is_better", false],
    [null, 15, "higher_is_better", false],
    [10, null, "higher_is_better", false],
    [10, 15, null, false],
  ] as const)("value %s, target %s, %s → %s", (value, target, direction, expected) => {
    expect(missesTarget(value, target, direction)).toBe(expected);
  });
});

describe("sameDayMonthsLater", () => {
  it.each([
    ["2026-01-15", 6, "2026-07-15"],
    ["2025-08-31", 6, "2026-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-07-31", 6, "2027-01-31"],
    ["2026-12-01", 6, "2027-06-01"],
  ] as const)("%s + %s months → %s", (date, months, expected) => {
    expect(sameDayMonthsLater(date, months)).toBe(expected);
  });
});

describe("fidelityDue", () => {
  const today = "2026-06-15";
  it.each([
    [null, { dueOn: null, overdue: true, listed: true }],
    ["2025-12-14", { dueOn: "2026-06-14", overdue: true, listed: true }],
    ["2025-12-15", { dueOn: "2026-06-15", overdue: false, listed: true }],
    ["2026-01-15", { dueOn: "2026-07-15", overdue: false, listed: true }],
    ["2026-01-16", { dueOn: "2026-07-16", overdue: false, listed: false }],
    ["2026-06-01", { dueOn: "2026-12-01", overdue: false, listed: false }],
  ] as const)("last review %s → %o", (last, expected) => {
    expect(fidelityDue(last, today)).toEqual(expected);
  });
});

describe("homeScope", () => {
  it.each([
    [
      "administrator",
      principal([{ role: "administrator", programmeId: null, siteId: null }]),
      {
        audiences: ["administrator"],
        programmes: "all",
        staffSites: [],
        qualitySites: "all",
        aggregatesOnly: false,
      },
    ],
    [
      "regional coordinator",
      principal([{ role: "regional_coordinator", programmeId: 7, siteId: null }], [3, 1]),
      {
        audiences: ["regional_coordinator"],
        programmes: [7],
        staffSites: [],
        qualitySites: [1, 3],
        aggregatesOnly: false,
      },
    ],
    [
      "site coordinator and clinician",
      principal([
        { role: "site_coordinator", programmeId: null, siteId: 4 },
        { role: "clinician", programmeId: null, siteId: 2 },
      ]),
      {
        audiences: ["site_staff"],
        programmes: [],
        staffSites: [2, 4],
        qualitySites: [2, 4],
        aggregatesOnly: false,
      },
    ],
    [
      "viewer",
      principal([{ role: "viewer", programmeId: null, siteId: null }]),
      { audiences: ["viewer"], programmes: [], staffSites: [], qualitySites: [], aggregatesOnly: true },
    ],
    [
      "viewer who is also a clinician",
      principal([
        { role: "viewer", programmeId: null, siteId: null },
        { role: "clinician", programmeId: null, siteId: 5 },
      ]),
      {
        audiences: ["site_staff", "viewer"],
        programmes: [],
        staffSites: [5],
        qualitySites: [5],
        aggregatesOnly: false,
      },
    ],
  ] as const)("%s", (_name, p, expected) => {
    expect(homeScope(p)).toEqual(expected);
  });
});
