import { describe, expect, it } from "vitest";
import { agreement, icc21 } from "./agreement.ts";
import { IMR_FIDELITY } from "./scales/imr-fidelity.ts";
import { TREATMENT_INTEGRITY } from "./scales/treatment-integrity.ts";
import { lowItems, scoreReview } from "./score-review.ts";

const A = { rater: "A", ratings: { "1": 4, "2": 3, "3": 5, "4": 2 } };
const B = { rater: "B", ratings: { "1": 4, "2": 4, "3": 5, "4": 3 } };

describe("rater agreement (hand-computed)", () => {
  it("two raters, four items", () => {
    // exact: items 1 and 3 of 4 → 0.5; within one: all 4 → 1.
    // ICC(2,1): grand mean 3.75; SSrows = 2 × (0.25² + 0.25² + 1.25² + 1.25²) = 6.5, MSR = 6.5 / 3;
    // SScols = 4 × (0.25² + 0.25²) = 0.5, MSC = 0.5; SStotal = 7.5, SSerror = 0.5, MSE = 0.5 / 3;
    // (MSR − MSE) / (MSR + MSE + 2 (MSC − MSE) / 4) = 2 / 2.5 = 0.8
    expect(agreement([A, B])).toEqual({
      raters: 2,
      itemsRatedByAll: 4,
      exactAgreement: 0.5,
      withinOneAgreement: 1,
      icc: 0.8,
    });
  });

  it("uses only the items every rater rated", () => {
    const C = { rater: "C", ratings: { "1": 4, "3": 5 } };
    expect(agreement([A, C])).toMatchObject({ itemsRatedByAll: 2, exactAgreement: 1 });
  });

  it("is undefined for one rater, and ICC undefined when nothing varies", () => {
    expect(agreement([A])).toMatchObject({ raters: 1, exactAgreement: null, icc: null });
    expect(
      icc21([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });

  it("perfect agreement with varying items gives ICC 1", () => {
    expect(
      icc21([
        [1, 1],
        [3, 3],
        [5, 5],
      ]),
    ).toBe(1);
  });
});

describe("review scores", () => {
  it("means per item, per level and overall, with the scale's cut-offs", () => {
    const r = scoreReview(IMR_FIDELITY, [A, B]);
    expect(r.items.slice(0, 4).map((i) => i.mean)).toEqual([4, 3.5, 5, 2.5]);
    // (4 + 3.5 + 5 + 2.5) / 4 = 3.75 → moderate
    expect(r.levels).toEqual([
      { level: "programme", score: 3.75, itemsRated: 4, items: 13, band: "moderate" },
    ]);
    expect(r.overall).toEqual({ score: 3.75, band: "moderate" });
    expect(lowItems(r, 3).map((i) => i.id)).toEqual(["4"]);
    expect(lowItems(r, 3.5).map((i) => i.id)).toEqual(["4", "2"]);
  });

  it("scores each level of the integrity scale separately", () => {
    const r = scoreReview(TREATMENT_INTEGRITY, [{ rater: "X", ratings: { O1: 7, O2: 2, T3: 3, P2: 6 } }]);
    expect(r.levels).toEqual([
      { level: "organisation", score: 4.5, itemsRated: 2, items: 7, band: "acceptable" },
      { level: "team", score: 3, itemsRated: 1, items: 11, band: "acceptable" },
      { level: "therapist", score: 6, itemsRated: 1, items: 3, band: "good" },
    ]);
  });
});
