import { describe, expect, it } from "vitest";
import { type CellMismatch, durationSeconds, mismatchOf, type Outcome, outcomeOf } from "./outcome.ts";
import type { FactCell } from "./types.ts";

const cell = (
  numerator: number | null,
  denominator: number | null,
  value: number | null,
  size: number | null,
) => ({ numerator, denominator, value, size }) satisfies FactCell;

describe("outcomeOf", () => {
  const cases: Array<[string, Parameters<typeof outcomeOf>[0], Outcome]> = [
    ["never verified", null, "never"],
    ["facts never built", { differences: 1, detail: { missing: true, differences: [] } }, "missing"],
    ["no difference", { differences: 0, detail: { missing: false, differences: [] } }, "ok"],
    [
      "differences, some kept",
      { differences: 250, detail: { missing: false, differences: [] } },
      "differences",
    ],
  ];
  it.each(cases)("%s", (_, v, expected) => {
    expect(outcomeOf(v)).toBe(expected);
  });
});

describe("mismatchOf", () => {
  const cases: Array<[string, FactCell | null, FactCell | null, CellMismatch]> = [
    ["no cell in the facts", null, cell(1, 2, 0.5, 2), { kind: "absent", side: "facts" }],
    ["no recomputed cell", cell(1, 2, 0.5, 2), null, { kind: "absent", side: "recomputed" }],
    [
      "numerator and value",
      cell(3, 10, 0.3, 10),
      cell(4, 10, 0.4, 10),
      { kind: "fields", fields: ["numerator", "value"] },
    ],
    ["size only", cell(null, null, 2.5, 7), cell(null, null, 2.5, 8), { kind: "fields", fields: ["size"] }],
    [
      "null against 0 is a difference",
      cell(0, 0, null, 0),
      cell(0, 0, 0, 0),
      { kind: "fields", fields: ["value"] },
    ],
    ["equal cells", cell(1, 1, 1, 1), cell(1, 1, 1, 1), { kind: "fields", fields: [] }],
  ];
  it.each(cases)("%s", (_, facts, recomputed, expected) => {
    expect(mismatchOf({ facts, recomputed })).toEqual(expected);
  });
});

describe("durationSeconds", () => {
  const cases: Array<[string, string, number]> = [
    ["2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.040Z", 0],
    ["2026-03-01T10:00:00.000Z", "2026-03-01T10:00:01.260Z", 1.3],
    ["2026-03-01T10:00:00.000Z", "2026-03-01T10:02:05.000Z", 125],
    ["2026-03-01T10:00:05.000Z", "2026-03-01T10:00:00.000Z", 0],
    ["not a date", "2026-03-01T10:00:00.000Z", 0],
  ];
  it.each(cases)("%s → %s", (from, to, expected) => {
    expect(durationSeconds(from, to)).toBe(expected);
  });
});
