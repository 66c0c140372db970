import { describe, expect, it } from "vitest";
import { type UptakeCells, uptakeOf } from "./uptake.ts";

describe("uptakeOf", () => {
  it.each<[number, number, boolean, UptakeCells]>([
    [0, 0, false, { enrolled: 0, declined: 0, uptake: null, suppressed: false }],
    [3, 1, false, { enrolled: 3, declined: 1, uptake: 0.75, suppressed: false }],
    [0, 6, false, { enrolled: 0, declined: 6, uptake: 0, suppressed: false }],
    [10, 0, false, { enrolled: 10, declined: 0, uptake: 1, suppressed: false }],
    [3, 1, true, { enrolled: null, declined: null, uptake: null, suppressed: true }],
    [10, 5, true, { enrolled: 10, declined: 5, uptake: 10 / 15, suppressed: false }],
    [10, 0, true, { enrolled: 10, declined: 0, uptake: 1, suppressed: false }],
    [0, 0, true, { enrolled: 0, declined: 0, uptake: null, suppressed: false }],
  ])("enrolled %i, declined %i, suppress %s", (enrolled, declined, suppress, expected) => {
    expect(uptakeOf(enrolled, declined, suppress)).toEqual(expected);
  });
});
