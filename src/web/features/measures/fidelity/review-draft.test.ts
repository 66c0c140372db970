import { describe, expect, it } from "vitest";
import { reviewBodyOf } from "./review-draft.ts";

describe("a review's body", () => {
  it("keeps typed ratings as numbers (out of range too) and leaves untouched cells out", () => {
    const body = reviewBodyOf(6, {
      programmeId: "2",
      scale: "IMR-FIDELITY",
      professionalId: null,
      reviewDate: "2026-11-30",
      notes: "",
      raters: [
        { key: 1, rater: "A", ratings: { "1": 4, "2": "", "3": 6 } },
        { key: 2, rater: "B", ratings: {} },
      ],
    });
    expect(body).toEqual({
      scale: "IMR-FIDELITY",
      programmeId: 2,
      siteId: 6,
      professionalId: null,
      reviewDate: "2026-11-30",
      notes: "",
      raters: [
        { rater: "A", ratings: { "1": 4, "3": 6 } },
        { rater: "B", ratings: {} },
      ],
    });
  });
});
