import { describe, expect, it } from "vitest";
import { fhirExportProblem, fhirExportUrl } from "./fhir-export.ts";

describe("the FHIR export form", () => {
  it.each([
    [null, "2026-01-01", "2026-12-31", "programme"],
    [7, null, "2026-12-31", "period"],
    [7, "2026-01-01", null, "period"],
    [7, "2026-01-01", "", "period"],
    [7, "2026-12-31", "2026-01-01", "endBeforeStart"],
    [7, "2026-05-05", "2026-05-05", null],
    [7, "2025-12-04", "2026-12-03", null],
  ] as const)("programme %s, %s..%s → %s", (programme, from, to, problem) => {
    expect(fhirExportProblem(programme, from, to)).toBe(problem);
  });

  it("asks the server for the period as given", () => {
    expect(fhirExportUrl(12, "2025-12-04", "2026-12-03")).toBe(
      "/api/programmes/12/export/fhir?from=2025-12-04&to=2026-12-03",
    );
  });
});
