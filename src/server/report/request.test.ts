import { describe, expect, it } from "vitest";
import { checkLanguage, checkPeriod, parsePeriod } from "./request.ts";

describe("report period FROM..TO", () => {
  const cases: Array<[string | undefined, string]> = [
    ["2025-01-01..2025-12-31", "ok 2025-01-01 2025-12-31"],
    ["2025-03-01..2025-03-01", "ok 2025-03-01 2025-03-01"],
    [" 2025-01-01 .. 2025-06-30 ", "ok 2025-01-01 2025-06-30"],
    [undefined, "period:required"],
    ["", "period:required"],
    ["  ", "period:required"],
    ["2025-01-01", "period:invalid_format"],
    ["2025-01-01..2025-02-01..2025-03-01", "period:invalid_format"],
    ["..2025-12-31", "from:required"],
    ["2025-01-01..", "to:required"],
    ["..", "period:required"],
    ["2025-1-1..2025-12-31", "from:invalid_format"],
    ["2025-02-30..2025-12-31", "from:calendar_date"],
    ["2025-01-01..2025-13-01", "to:calendar_date"],
    ["2025-01-01..31-12-2025", "to:invalid_format"],
    ["2025-12-31..2025-01-01", "to:end_before_start"],
  ];
  it.each(cases)("%j → %s", (text, expected) => {
    const r = parsePeriod(text);
    expect(r.ok ? `ok ${r.value.from} ${r.value.to}` : `${r.issue.field}:${r.issue.rule}`).toBe(expected);
  });

  it("names both days when the period ends before it starts", () => {
    const r = checkPeriod("2025-06-01", "2025-05-31");
    expect(r.ok ? "" : r.issue.message).toBe("the period ends (2025-05-31) before it starts (2025-06-01)");
  });
});

describe("report language", () => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, "en"],
    ["en", "en"],
    ["it", "it"],
    ["fr", "lang:not_an_option"],
    ["EN", "lang:not_an_option"],
    ["", "lang:not_an_option"],
  ];
  it.each(cases)("%j → %s", (lang, expected) => {
    const r = checkLanguage(lang);
    expect(r.ok ? r.value : `${r.issue.field}:${r.issue.rule}`).toBe(expected);
  });
});
