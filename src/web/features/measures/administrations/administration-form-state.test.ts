import { describe, expect, it } from "vitest";
import { type AdministrationDraft, bodyOf, scoreInputOf } from "./administration-form-state.ts";

const draft = (patch: Partial<AdministrationDraft>): AdministrationDraft => ({
  date: "2026-11-30",
  timepoint: "baseline",
  respondent: "patient",
  entry: "items",
  answers: { "1": null, "2": null },
  total: "",
  ...patch,
});

describe("the administration form's state", () => {
  it("scores nothing until an item is answered or a total typed", () => {
    expect(scoreInputOf(draft({}))).toBeNull();
    expect(scoreInputOf(draft({ answers: { "1": 2, "2": null } }))).toEqual({ items: { "1": 2, "2": null } });
    expect(scoreInputOf(draft({ entry: "total" }))).toBeNull();
    expect(scoreInputOf(draft({ entry: "total", total: 14 }))).toEqual({ totalScore: 14 });
  });

  it("sends every item (unanswered as null) or the total alone, never both", () => {
    const items = bodyOf("PHQ-9", draft({ answers: { "1": 3, "2": null }, total: 9 }));
    expect(items).toEqual({
      instrument: "PHQ-9",
      date: "2026-11-30",
      timepoint: "baseline",
      respondent: "patient",
      items: { "1": 3, "2": null },
    });
    const total = bodyOf("PHQ-9", draft({ entry: "total", total: 30, answers: { "1": 3 } }));
    expect(total).not.toHaveProperty("items");
    expect(total.totalScore).toBe(30);
  });

  it("leaves empty choices for the server to name", () => {
    const body = bodyOf("GAD-7", draft({ date: null, timepoint: null, respondent: null, entry: "total" }));
    expect(body).toEqual({ instrument: "GAD-7", date: "", timepoint: "", respondent: "" });
  });
});
