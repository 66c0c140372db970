import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../../../server/indicators/catalogue.ts";
import { validate } from "../../../../server/indicators/definition.ts";
import { type EditorForm, EMPTY_FORM, fieldOf, fromDefinition, toDefinition } from "./form-state.ts";

const form = (over: Partial<EditorForm>): EditorForm => ({ ...EMPTY_FORM, id: "x", label: "X", ...over });

describe("the indicator editor's menus and the definition language", () => {
  const cases: Array<[string, Partial<EditorForm>]> = [
    [
      "a ratio of family contacts in the early window",
      { recipients: ["family", "patient_and_family"], target: 40 },
    ],
    [
      "intensive psychosocial care, at the programme's threshold, among young women with the target diagnosis",
      {
        psychosocial: "yes",
        threshold: "intensive",
        sex: ["F"],
        ageMin: 18,
        ageMax: 24,
        targetDiagnoses: true,
        direction: "",
      },
    ],
    [
      "a count of patients with a clinician baseline assessment in a custom window",
      {
        kind: "count",
        observed: "days",
        observedDays: 30,
        recordKind: "assessments",
        instruments: ["ZAN-BPD"],
        respondents: ["clinician"],
        timepoints: ["baseline"],
        windowPreset: "custom",
        fromDay: -30,
        toDay: 29,
        until: "as_of",
        target: 10,
      },
    ],
    [
      "a count of group interventions over the care period",
      { kind: "count", countOf: "records", observed: "all", settings: ["group"], windowPreset: "care" },
    ],
    ["a median of signed plans", { kind: "median", recordKind: "plans", planFlags: ["signed_by_patient"] }],
    [
      "a lower-is-better ratio",
      { direction: "lower_is_better", types: ["crisis_intervention"], target: 12.5 },
    ],
    ["uptake of the practice over the last year, aiming at 70 %", { measures: "offers", target: 70 }],
    ["uptake over 90 days, no direction", { measures: "offers", windowDays: 90, direction: "" }],
  ];

  it.each(cases)("%s: is a valid definition and reads back into the same menus", (_name, over) => {
    const f = form(over);
    const { definition } = toDefinition(f);
    const v = validate(definition);
    expect(v.ok ? [] : v.issues).toEqual([]);
    expect(fromDefinition(definition)).toEqual(f);
    // and from the stored (defaults filled in) form too
    if (v.ok) expect(fromDefinition(v.definition)).toEqual(f);
  });

  it("a ratio's target is a percentage in the menus and a fraction in the definition", () => {
    expect(toDefinition(form({ target: 40 })).definition.target).toBe(0.4);
    expect(toDefinition(form({ kind: "count", countOf: "records", target: 40 })).definition.target).toBe(40);
  });

  it("reads the built-in early indicators, and leaves shapes the menus cannot write to JSON", () => {
    const early = CATALOGUE.find((d) => d.id === "early_assessment")!;
    expect(
      fromDefinition(validate(early).ok ? (validate(early) as { definition: unknown }).definition : null),
    ).toMatchObject({
      kind: "ratio",
      observed: "early",
      types: ["assessment"],
      windowPreset: "early",
    });
    for (const id of ["enrolled", "team_trained", "plan_signed", "dbt_skills_groups"]) {
      expect(fromDefinition(CATALOGUE.find((d) => d.id === id))).toBeNull();
    }
  });

  it("puts a server error on the field whose path is the longest prefix of it", () => {
    const { paths } = toDefinition(
      form({ sex: ["F"], ageMin: 30, ageMax: 20, windowPreset: "custom", fromDay: 5 }),
    );
    expect(fieldOf(paths, "definition.id")).toBe("id");
    expect(fieldOf(paths, "definition.compute.population.where.of.1.max")).toBe("age");
    expect(fieldOf(paths, "definition.compute.population.where.of.0.values.0")).toBe("sex");
    expect(fieldOf(paths, "definition.compute.numerator.records.window.toDay")).toBe("toDay");
    expect(fieldOf(paths, "definition.compute.numerator.records.types.0")).toBe("types");
    expect(fieldOf(paths, "definition.compute.numerator")).toBe("recordKind");
    expect(fieldOf(paths, "definition.compute")).toBeNull();
  });

  it("writes uptake as a ratio of the offers source, its window in its own field", () => {
    const built = toDefinition(form({ measures: "offers", kind: "count", windowDays: 180, target: 50 }));
    expect(built.definition).toMatchObject({
      kind: "ratio",
      target: 0.5,
      compute: { source: "offers", windowDays: 180 },
    });
    expect(fieldOf(built.paths, "definition.compute.windowDays")).toBe("windowDays");
    expect(fromDefinition({ ...built.definition, compute: { source: "offers", extra: 1 } })).toBeNull();
  });
});
