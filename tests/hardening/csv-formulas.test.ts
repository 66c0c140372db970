import { describe, expect, it } from "vitest";
import { indicatorsCsv } from "../../src/cli/commands/indicators.ts";
import { spreadsheetSafe } from "../../src/shared/spreadsheet-safe.ts";
import { toCsv } from "../../src/web/app/ui/csv.ts";

/** Issue 14, defect 5: CSV for people must not carry spreadsheet formulas. */
describe("CSV meant for people neutralises formulas", () => {
  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x")'])(
    "quotes the text cell %j",
    (s) => {
      expect(spreadsheetSafe(s)).toBe(`'${s}`);
    },
  );

  it("leaves numbers (negative ones too) and ordinary text alone", () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(-0.25)).toBe(-0.25);
    expect(spreadsheetSafe("Site one")).toBe("Site one");
    expect(spreadsheetSafe(null)).toBe(null);
  });

  it("the dashboard CSV quotes a site named like a formula but keeps -0.5 a number", async () => {
    const text = await toCsv(["site", "name", "value"], [["S1", "=cmd|' /C calc'!A0", -0.5]]).text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe(`S1,'=cmd|' /C calc'!A0,-0.5`);
  });

  it("praxis indicators --format csv quotes codes, not numeric columns", () => {
    const csv = indicatorsCsv([
      { id: "-x", site: "@S1", numerator: -1, denominator: 2, value: -0.5 },
      { id: "early", site: null, numerator: 1, denominator: 2, value: 0.5 },
    ]);
    expect(csv.split("\n").slice(1, 3)).toEqual(["'-x,'@S1,-1,2,-0.5", "early,,1,2,0.5"]);
  });
});
