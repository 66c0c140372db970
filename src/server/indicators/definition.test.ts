import { describe, expect, it } from "vitest";
import { CATALOGUE, CATALOGUE_IDS } from "./catalogue.ts";
import { interventionTypesOf, MAX_DEPTH, validate, validateSet } from "./definition.ts";

const ratio = {
  id: "my_ratio",
  label: "Mine",
  kind: "ratio",
  compute: {
    source: "enrolments",
    population: { observedDays: 0 },
    numerator: {
      type: "records",
      records: { from: "interventions", types: ["psychotherapy"], window: { fromDay: 0, toDay: 89 } },
    },
  },
};

const issuesOf = (input: unknown) => {
  const v = validate(input);
  if (v.ok) throw new Error("expected the definition to be refused");
  return v.issues;
};

describe("the catalogue", () => {
  it("is 31 valid definitions with distinct ids, in INDICATORS.md order", () => {
    expect(CATALOGUE).toHaveLength(31);
    const results = validateSet(CATALOGUE);
    for (const r of results) expect(r.ok ? null : r.issues).toBeNull();
    expect(CATALOGUE_IDS.slice(0, 3)).toEqual(["enrolled", "enrolment_target_met", "age_in_band"]);
    expect(CATALOGUE_IDS.at(-1)).toBe("trained_not_in_team");
  });
});

describe("validate", () => {
  it("accepts a definition and fills in the defaults", () => {
    const v = validate(ratio);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.definition).toMatchObject({ description: "", target: null, direction: null });
    const num = v.definition.compute.source === "enrolments" ? v.definition.compute.numerator : undefined;
    expect(num).toMatchObject({
      atLeast: 1,
      records: { window: { fromDay: 0, toDay: 89, until: "care_end" } },
    });
  });

  it.each([
    ["an unknown field", { ...ratio, colour: "red" }, "colour", "unrecognized_keys"],
    ["a bad id", { ...ratio, id: "My Ratio" }, "id", "invalid_format"],
    ["a missing label", { ...ratio, label: " " }, "label", "too_small"],
    ["an unknown kind", { ...ratio, kind: "mean" }, "kind", "invalid_value"],
    [
      "a ratio without numerator",
      { ...ratio, compute: { source: "enrolments", population: {} } },
      "compute.numerator",
      "custom",
    ],
    [
      "a median without measure",
      { ...ratio, kind: "median", compute: { source: "enrolments", population: {} } },
      "compute.measure",
      "custom",
    ],
    ["a ratio of groups", { ...ratio, compute: { source: "groups", kinds: ["imr"] } }, "kind", "custom"],
    ["an unknown source", { ...ratio, compute: { source: "weather" } }, "compute.source", "invalid_union"],
    [
      "an inverted count range",
      {
        ...ratio,
        compute: { ...ratio.compute, numerator: { ...ratio.compute.numerator, atLeast: 3, atMost: 2 } },
      },
      "compute.numerator.atMost",
      "custom",
    ],
    [
      "a bad window bound",
      {
        ...ratio,
        compute: {
          ...ratio.compute,
          numerator: {
            ...ratio.compute.numerator,
            records: { from: "interventions", window: { fromDay: 1.5 } },
          },
        },
      },
      "compute.numerator.records.window.fromDay",
      "invalid_union",
    ],
    [
      "an unknown parameter",
      { ...ratio, compute: { ...ratio.compute, population: { observedDays: { param: "nope" } } } },
      "compute.population.observedDays",
      "invalid_union",
    ],
    [
      "a bad diagnosis prefix",
      {
        ...ratio,
        compute: {
          ...ratio.compute,
          numerator: { type: "prefix", field: "primary_diagnosis", prefixes: ["f60"] },
        },
      },
      "compute.numerator.prefixes.0",
      "invalid_format",
    ],
    [
      "a range without bounds",
      { ...ratio, compute: { ...ratio.compute, numerator: { type: "range", field: "age_at_enrolment" } } },
      "compute.numerator.min",
      "custom",
    ],
    [
      "a date that does not exist",
      {
        ...ratio,
        compute: {
          ...ratio.compute,
          numerator: { type: "date", field: "end_date", op: "<=", ref: { date: "2024-02-30" } },
        },
      },
      "compute.numerator.ref.date",
      "custom",
    ],
    [
      "an unknown condition",
      { ...ratio, compute: { ...ratio.compute, numerator: { type: "maybe" } } },
      "compute.numerator.type",
      "invalid_union",
    ],
  ])("refuses %s at its path", (_what, input, path, rule) => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.rule).toBe(rule);
  });

  it("refuses definitions nested too deep before parsing them", () => {
    let c: unknown = { type: "present", field: "end_date" };
    for (let i = 0; i < MAX_DEPTH; i++) c = { type: "not", condition: c };
    expect(issuesOf({ ...ratio, compute: { ...ratio.compute, numerator: c } })[0]!.rule).toBe("too_deep");
  });

  it("refuses a set that uses an id twice", () => {
    const [a, b] = validateSet([ratio, ratio]);
    expect(a!.ok).toBe(true);
    expect(b!.ok ? [] : b!.issues).toEqual([
      { path: "1.id", rule: "unique", message: 'id "my_ratio" is used twice' },
    ]);
  });

  it("lists the intervention types a definition names, with their paths", () => {
    const v = validate({
      ...ratio,
      compute: {
        source: "enrolments",
        population: {
          where: {
            type: "not",
            condition: { type: "records", records: { from: "interventions", types: ["a", "b"], window: {} } },
          },
        },
        numerator: ratio.compute.numerator,
      },
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(interventionTypesOf(v.definition)).toEqual([
      { path: "compute.population.where.condition.records.types.0", type: "a" },
      { path: "compute.population.where.condition.records.types.1", type: "b" },
      { path: "compute.numerator.records.types.0", type: "psychotherapy" },
    ]);
  });
});
