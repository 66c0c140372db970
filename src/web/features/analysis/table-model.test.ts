import { describe, expect, it } from "vitest";
import { type TableLabels, tableModel } from "./table-model.ts";
import type { AnalysisResult, AnalysisRow, Summary } from "./types.ts";

const labels: TableLabels = {
  group: "Site",
  percent: "%",
  mean: "Mean",
  sd: "SD",
  median: "Median",
  q1: "Q1",
  q3: "Q3",
  first: "client",
  second: "clinician",
  difference: "difference",
  count: (c) => `${c} (n)`,
  share: (c) => `${c} (%)`,
  groupLabel: (k) => k ?? "All",
  categoryLabel: (v) => (v === "yes" ? "Active" : "Ended"),
};
const summary = (mean: number): Summary => ({
  n: 2,
  mean,
  sd: 1,
  median: mean,
  q1: mean - 1,
  q3: mean + 1,
  min: null,
  max: null,
});
const row = (key: string | null, extra: Partial<AnalysisRow> = {}): AnalysisRow => ({
  key,
  n: 2,
  percent: 50,
  suppressed: false,
  summary: null,
  second: null,
  difference: null,
  categories: null,
  ...extra,
});
const result = (outcomeKind: AnalysisResult["outcomeKind"], rows: AnalysisRow[]): AnalysisResult => ({
  programmeId: 1,
  request: { outcome: "age", instrument: null, grouping: "site", test: "descriptive", asOf: "2026-01-01" },
  outcomeKind,
  scope: { siteIds: null, suppressSmallCells: false },
  rows,
  tests: [],
  excluded: { missingGroup: 0, missingOutcome: 0 },
});

describe("tableModel", () => {
  it("numeric: n, %, mean, SD, median, quartiles per group", () => {
    const m = tableModel(
      result("numeric", [row("S1", { summary: summary(20) }), row(null, { summary: summary(21) })]),
      labels,
    );
    expect(m.header).toEqual(["Site", "n", "%", "Mean", "SD", "Median", "Q1", "Q3"]);
    expect(m.rows.map((r) => r.cells)).toEqual([
      ["S1", 2, 50, 20, 1, 20, 19, 21],
      ["All", 2, 50, 21, 1, 21, 20, 22],
    ]);
  });

  it("pair: each member and the difference", () => {
    const m = tableModel(
      result("pair", [row(null, { summary: summary(50), second: summary(48), difference: summary(2) })]),
      labels,
    );
    expect(m.header.slice(3, 4)).toEqual(["Mean (client)"]);
    expect(m.header).toContain("Mean (difference)");
    expect(m.rows[0]!.cells).toHaveLength(3 + 15);
  });

  it("categorical: each category's count and share; a suppressed row carries nulls", () => {
    const cats = [
      { value: "yes", count: 6, percent: 75 },
      { value: "no", count: 2, percent: 25 },
    ];
    const m = tableModel(
      result("categorical", [
        row("S1", { n: null, percent: null, suppressed: true }),
        row(null, { n: 8, percent: 100, categories: cats }),
      ]),
      labels,
    );
    expect(m.header).toEqual(["Site", "n", "%", "Active (n)", "Active (%)", "Ended (n)", "Ended (%)"]);
    expect(m.rows.map((r) => r.cells)).toEqual([
      ["S1", null, null, null, null, null, null],
      ["All", 8, 100, 6, 75, 2, 25],
    ]);
  });
});
