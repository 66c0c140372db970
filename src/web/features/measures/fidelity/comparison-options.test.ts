import { describe, expect, it } from "vitest";
import type { Comparison } from "../types.ts";
import { heatmapOption, radarOption } from "./comparison-options.ts";

const comparison: Comparison = {
  programmeId: 1,
  scale: "TREATMENT-INTEGRITY",
  range: { min: 1, max: 7 },
  items: [
    { id: "O1", level: "organisation", name: "Commitment and support" },
    { id: "T1", level: "team", name: "Team composition" },
  ],
  sites: [
    {
      siteId: 1,
      siteCode: "LECCO",
      siteName: "Lecco",
      reviewId: 5,
      reviewDate: "2026-11-01",
      overall: 4.5,
      band: "acceptable",
      levels: { organisation: 5, team: 4, therapist: null },
      items: { O1: 5, T1: 4 },
    },
    {
      siteId: 2,
      siteCode: "MONZA",
      siteName: "Monza",
      reviewId: null,
      reviewDate: null,
      overall: null,
      band: null,
      levels: {},
      items: {},
    },
  ],
};

describe("the fidelity comparison charts", () => {
  it("draw one radar polygon per reviewed site, by item or by level, gaps for what was not rated", () => {
    const byItem = radarOption(comparison, "items", (l) => l);
    const series = (byItem.series as Array<{ data: Array<{ name: string; value: unknown[] }> }>)[0]!;
    expect(series.data).toEqual([{ name: "LECCO", value: [5, 4] }]);
    const byLevel = radarOption(comparison, "levels", (l) => l.toUpperCase());
    const levels = (byLevel.series as Array<{ data: Array<{ value: unknown[] }> }>)[0]!.data[0]!.value;
    expect(levels).toEqual([5, 4]);
    expect((byLevel.radar as { indicator: Array<{ name: string; max: number }> }).indicator).toEqual([
      { name: "ORGANISATION", min: 1, max: 7 },
      { name: "TEAM", min: 1, max: 7 },
    ]);
  });

  it("put each reviewed site's item ratings in the heat map's cells", () => {
    const option = heatmapOption(comparison);
    expect((option.series as Array<{ data: unknown[] }>)[0]!.data).toEqual([
      [0, 0, 5],
      [1, 0, 4],
    ]);
    expect((option.yAxis as { data: string[] }).data).toEqual(["LECCO"]);
  });
});
