import { describe, expect, it } from "vitest";
import { checkStatusChange, currentOf, type SiteStatus, type StatusChange } from "./transitions.ts";

const TODAY = "2026-06-15";
const change = (status: SiteStatus, effectiveDate = "2026-06-01", reason: StatusChange["reason"] = null) => ({
  status,
  effectiveDate,
  reason,
});

describe("checkStatusChange", () => {
  it.each<[string, StatusChange, { status: SiteStatus; effectiveDate: string } | null, string[]]>([
    ["first record: preparing", change("preparing"), null, []],
    ["first record: active", change("active"), null, []],
    ["first record: stopped with a reason", change("stopped", "2026-06-01", "funding"), null, []],
    [
      "first record: paused",
      change("paused", "2026-06-01", "funding"),
      null,
      ["body.status:status_transition"],
    ],
    ["preparing → active", change("active"), { status: "preparing", effectiveDate: "2026-05-01" }, []],
    [
      "preparing → paused",
      change("paused", "2026-06-01", "other"),
      { status: "preparing", effectiveDate: "2026-05-01" },
      ["body.status:status_transition"],
    ],
    [
      "active → stopped for staff turnover",
      change("stopped", "2026-06-01", "staff_turnover"),
      { status: "active", effectiveDate: "2026-05-01" },
      [],
    ],
    [
      "active → stopped without a reason",
      change("stopped"),
      { status: "active", effectiveDate: "2026-05-01" },
      ["body.reason:required"],
    ],
    [
      "active → active",
      change("active"),
      { status: "active", effectiveDate: "2026-05-01" },
      ["body.status:same_status"],
    ],
    [
      "active → preparing",
      change("preparing"),
      { status: "active", effectiveDate: "2026-05-01" },
      ["body.status:status_transition"],
    ],
    ["paused → active", change("active"), { status: "paused", effectiveDate: "2026-05-01" }, []],
    [
      "stopped → preparing (restart)",
      change("preparing"),
      { status: "stopped", effectiveDate: "2026-05-01" },
      [],
    ],
    [
      "same day as the last change",
      change("active", "2026-05-01"),
      { status: "preparing", effectiveDate: "2026-05-01" },
      [],
    ],
    [
      "before the last change",
      change("active", "2026-04-30"),
      { status: "preparing", effectiveDate: "2026-05-01" },
      ["body.effectiveDate:before_previous_change"],
    ],
    ["today", change("active", TODAY), null, []],
    ["tomorrow", change("active", "2026-06-16"), null, ["body.effectiveDate:future"]],
    [
      "several faults at once",
      change("paused", "2026-06-16"),
      { status: "paused", effectiveDate: "2026-06-10" },
      ["body.effectiveDate:future", "body.status:same_status", "body.reason:required"],
    ],
  ])("%s", (_, next, latest, expected) => {
    expect(checkStatusChange(next, latest, TODAY).map((i) => `${i.field}:${i.rule}`)).toEqual(expected);
  });

  it("names the date of the last change in the message and params", () => {
    const [issue] = checkStatusChange(
      change("active", "2026-01-01"),
      { status: "preparing", effectiveDate: "2026-02-03" },
      TODAY,
    );
    expect(issue?.params).toEqual({ date: "2026-02-03" });
    expect(issue?.message).toContain("2026-02-03");
  });
});

describe("currentOf", () => {
  it.each<[string, Array<{ effectiveDate: string; version: number }>, number | null]>([
    ["no history", [], null],
    ["one change", [{ effectiveDate: "2026-01-01", version: 1 }], 1],
    [
      "latest by date",
      [
        { effectiveDate: "2026-03-01", version: 1 },
        { effectiveDate: "2026-02-01", version: 2 },
      ],
      1,
    ],
    [
      "same date: the later version",
      [
        { effectiveDate: "2026-03-01", version: 2 },
        { effectiveDate: "2026-03-01", version: 1 },
      ],
      2,
    ],
  ])("%s", (_, history, version) => {
    expect(currentOf(history)?.version ?? null).toBe(version);
  });
});
