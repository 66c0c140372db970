import { describe, expect, it } from "vitest";
import { lastTwelveMonths, reportUrl } from "./period.ts";

describe("the report button's period", () => {
  it.each([
    ["2026-11-30", "2025-12-01"],
    ["2026-01-01", "2025-01-02"],
    ["2024-02-29", "2023-03-02"],
    ["2026-03-01", "2025-03-02"],
  ])("twelve months to %s start on %s", (asOf, from) => {
    expect(lastTwelveMonths(asOf)).toEqual({ from, to: asOf });
  });

  it("addresses the API", () => {
    expect(reportUrl(7, { from: "2025-12-01", to: "2026-11-30" }, "it", "pdf")).toBe(
      "/api/programmes/7/report?from=2025-12-01&to=2026-11-30&lang=it&format=pdf",
    );
  });
});
