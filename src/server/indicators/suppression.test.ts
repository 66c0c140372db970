import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue.ts";
import type { Cell } from "./compile.ts";
import { type IndicatorDefinition, validate } from "./definition.ts";
import { suppress } from "./suppression.ts";

const def = (id: string): IndicatorDefinition => {
  const v = validate(CATALOGUE.find((d) => d.id === id));
  if (!v.ok) throw new Error(id);
  return v.definition;
};
const count = (n: number, size = n): Cell => ({ numerator: n, denominator: null, value: n, size });
const ratio = (n: number, d: number): Cell => ({
  numerator: n,
  denominator: d,
  value: d ? n / d : null,
  size: d,
});
const median = (v: number | null, size: number): Cell => ({
  numerator: null,
  denominator: null,
  value: v,
  size,
});
const keyed = (cells: Cell[]) => cells.map((cell, i) => ({ key: `S${i + 1}`, cell }));
const hidden = (d: IndicatorDefinition, cells: Cell[], total: Cell) => {
  const s = suppress(d, keyed(cells), total);
  return { sites: [...s.groups].sort().map((i) => `S${i + 1}`), total: s.total };
};

describe("small-cell suppression (hand-worked cases)", () => {
  it("hides a 1–4 count and the next-smallest site, so the total cannot give it away", () => {
    // 10, 3, 7, 12 = 32: S2 is small; S3 (7) is the next smallest; together 10, not small.
    expect(
      hidden(
        def("enrolled"),
        [10, 3, 7, 12].map((n) => count(n)),
        count(32),
      ),
    ).toEqual({
      sites: ["S2", "S3"],
      total: false,
    });
  });

  it("hides a ratio whose denominator is 1–4, then the smallest other denominator", () => {
    // 6/10, 0/3, 5/7, 12/12 = 23/32: S2 by its denominator; S3 (7) next; hidden sums 5/10.
    const cells = [ratio(6, 10), ratio(0, 3), ratio(5, 7), ratio(12, 12)];
    expect(hidden(def("case_manager"), cells, ratio(23, 32))).toEqual({ sites: ["S2", "S3"], total: false });
  });

  it("keeps hiding while the hidden rows together are still 1–4", () => {
    // 2, 1, 20, 30 = 53: S1 + S2 = 3 is small, so S3 (20) too.
    expect(
      hidden(
        def("enrolled"),
        [2, 1, 20, 30].map((n) => count(n)),
        count(53),
      ),
    ).toEqual({
      sites: ["S1", "S2", "S3"],
      total: false,
    });
  });

  it("does not spend an empty site as the complementary cell", () => {
    // 3, 0, 0, 9 = 12: the empty sites would not hide anything; S4 is hidden instead.
    expect(
      hidden(
        def("enrolled"),
        [3, 0, 0, 9].map((n) => count(n)),
        count(12),
      ),
    ).toEqual({
      sites: ["S1", "S4"],
      total: false,
    });
  });

  it("breaks ties between equally small sites by key", () => {
    expect(
      hidden(
        def("enrolled"),
        [1, 8, 8].map((n) => count(n)),
        count(17),
      ),
    ).toEqual({
      sites: ["S1", "S2"],
      total: false,
    });
  });

  it("hides the programme row itself when it is 1–4", () => {
    expect(
      hidden(
        def("enrolled"),
        [3, 0].map((n) => count(n)),
        count(3),
      ),
    ).toEqual({ sites: ["S1"], total: true });
  });

  it("protects counts of records by the number of patients behind them", () => {
    // 40 interventions of 2 patients at S1; 100 of 20 at S2, 90 of 10 at S3.
    expect(
      hidden(def("interventions"), [count(40, 2), count(100, 20), count(90, 10)], count(230, 32)),
    ).toEqual({
      sites: ["S1", "S3"],
      total: false,
    });
  });

  it("hides medians over 1–4 patients only (they do not add up)", () => {
    expect(
      hidden(def("psychosocial_per_patient"), [median(3, 2), median(7, 9), median(null, 0)], median(6, 11)),
    ).toEqual({
      sites: ["S1"],
      total: false,
    });
  });

  it("protects professionals, not groups", () => {
    expect(
      hidden(
        def("team_size"),
        [2, 6, 7].map((n) => count(n, 0)),
        count(15, 0),
      ),
    ).toEqual({
      sites: ["S1", "S2"],
      total: false,
    });
    expect(
      hidden(
        def("dbt_skills_groups"),
        [1, 2].map((n) => count(n, 0)),
        count(3, 0),
      ),
    ).toEqual({
      sites: [],
      total: false,
    });
    expect(
      hidden(
        def("enrolment_target_met"),
        [1, 0].map((n) => count(n, 0)),
        count(1, 0),
      ),
    ).toEqual({
      sites: [],
      total: false,
    });
  });

  it("leaves zeros and large numbers alone", () => {
    expect(
      hidden(
        def("enrolled"),
        [0, 5, 12].map((n) => count(n)),
        count(17),
      ),
    ).toEqual({ sites: [], total: false });
  });
});
