import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "../../src/server/exchange/assessments.ts";
import { LIBRARY } from "../../src/server/measures/instruments/library/index.ts";

/** The table of EXCHANGE-FORMAT.md (assessments.csv): instrument code → total range, or no total. */
const EXCHANGE_TABLE: Record<string, [number, number] | null> = {
  "PHQ-9": [0, 27],
  "GAD-7": [0, 21],
  AUDIT: [0, 40],
  "AUDIT-C": [0, 12],
  K10: [10, 50],
  "CORE-10": [0, 40],
  "DASS-21": [0, 126],
  "ASSIST-Lite": null,
  "GHQ-12": [0, 36],
  "ZAN-BPD": [0, 36],
  "BSL-23": [0, 4],
  "IMRS-CLIENT": [15, 75],
  "IMRS-CLINICIAN": [15, 75],
  "SCID-5-PD": null,
  "C-SSRS": null,
};

const ours = Object.fromEntries(
  LIBRARY.map((d) => [d.code, d.total ? [d.total.range.min, d.total.range.max] : null]),
);

describe("the instrument library agrees with the exchange format", () => {
  it("has exactly the instruments and total ranges of EXCHANGE-FORMAT.md", () => {
    expect(ours).toEqual(EXCHANGE_TABLE);
  });

  it("agrees with the importer's table", () => {
    expect(ours).toEqual(Object.fromEntries(INSTRUMENTS));
  });

  it("ships item texts exactly for the instruments whose licence allows it", () => {
    const withTexts = LIBRARY.filter((d) => d.licence.textsIncluded)
      .map((d) => d.code)
      .sort();
    expect(withTexts).toEqual(
      [
        "AUDIT",
        "AUDIT-C",
        "CORE-10",
        "DASS-21",
        "GAD-7",
        "IMRS-CLIENT",
        "IMRS-CLINICIAN",
        "K10",
        "PHQ-9",
      ].sort(),
    );
    for (const d of LIBRARY.filter((x) => !x.licence.textsIncluded))
      expect(
        d.items.every((i) => i.options.every((o) => o.label === undefined || /^\d+$/.test(o.label))),
        d.code,
      ).toBe(true);
  });

  it("has 15 IMRS items rated 1–5 in both versions", () => {
    for (const code of ["IMRS-CLIENT", "IMRS-CLINICIAN"]) {
      const d = LIBRARY.find((x) => x.code === code)!;
      expect(d.items).toHaveLength(15);
      for (const i of d.items) expect(i.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    }
  });
});
