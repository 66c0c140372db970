import { describe, expect, it } from "vitest";
import { defaultScale } from "./default-scale.ts";

/** The demo's scales, in the order the API lists them. */
const SCALES = [
  { code: "IMR-FIDELITY", practices: ["IMR"] },
  { code: "GOI", practices: [] },
  { code: "TREATMENT-INTEGRITY", practices: ["BPD-STEPPED"] },
];

describe("the scale a programme's fidelity pages open on", () => {
  it.each<[string, string | null | undefined, typeof SCALES, string | undefined]>([
    ["a BPD programme: treatment integrity, not the IMR scale", "BPD-STEPPED", SCALES, "TREATMENT-INTEGRITY"],
    ["an IMR programme: the IMR Fidelity Scale", "IMR", SCALES, "IMR-FIDELITY"],
    ["a practice without its own scale: the general index", "MBT", SCALES, "GOI"],
    ["no programme (yet): the general index", null, SCALES, "GOI"],
    ["the practice still loading: the general index", undefined, SCALES, "GOI"],
    ["only scales of other practices: the first", "MBT", [SCALES[0]!, SCALES[2]!], "IMR-FIDELITY"],
    ["no scales", "IMR", [], undefined],
  ])("%s", (_name, practice, scales, expected) => {
    expect(defaultScale(scales, practice)?.code).toBe(expected);
  });
});
