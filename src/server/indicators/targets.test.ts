import { describe, expect, it } from "vitest";
import { PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import type { IndicatorParameters } from "./compile.ts";
import { type IndicatorDefinition, validate } from "./definition.ts";
import { BUILT_IN } from "./service.ts";
import {
  type ExplicitTarget,
  type ResolvedTargets,
  resolveTargets,
  type TargetSite,
  targetMet,
  targetRange,
} from "./targets.ts";

const params = { ...PARAMETER_DEFAULTS, targetEnrolmentPerSite: 15 } as IndicatorParameters;
const builtIn = (id: string) => BUILT_IN.find((d) => d.id === id)!;
const SITES: TargetSite[] = [
  { id: 1, code: "A", targetEnrolment: 20 },
  { id: 2, code: "B", targetEnrolment: null },
  { id: 3, code: "C", targetEnrolment: null },
];
const set = (indicatorId: string, siteId: number | null, value: number, lower = false): ExplicitTarget => ({
  indicatorId,
  siteId,
  value,
  direction: lower ? "lower_is_better" : "higher_is_better",
});
/** [site or null, value, source] per row, sites in order then the programme. */
const rows = (r: ResolvedTargets) => [
  ...SITES.map((s) => [s.code, r.sites.get(s.code)?.value ?? null, r.sites.get(s.code)?.source ?? null]),
  [null, r.programme?.value ?? null, r.programme?.source ?? null],
];
const userDefined = (
  kind: "ratio" | "count" | "median",
  target: number | null = null,
): IndicatorDefinition => {
  const v = validate({
    id: `own_${kind}`,
    label: kind,
    kind,
    target,
    direction: target === null ? null : "higher_is_better",
    compute:
      kind === "median"
        ? {
            source: "enrolments",
            population: { observedDays: 0 },
            measure: { from: "interventions", window: { fromDay: 0, toDay: null, until: "care_end" } },
          }
        : kind === "ratio"
          ? {
              source: "enrolments",
              population: { observedDays: 0 },
              numerator: { type: "present", field: "case_manager_code" },
            }
          : { source: "enrolments", population: { observedDays: 0 } },
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.definition;
};

describe("targetMet: a value against a target, in its direction", () => {
  it.each<
    [string, number | null, number | null, "higher_is_better" | "lower_is_better" | null, boolean | null]
  >([
    ["higher: above", 0.8, 0.7, "higher_is_better", true],
    ["higher: equal is met", 0.7, 0.7, "higher_is_better", true],
    ["higher: below", 0.69, 0.7, "higher_is_better", false],
    ["lower: below", 0.05, 0.1, "lower_is_better", true],
    ["lower: equal is met", 0.1, 0.1, "lower_is_better", true],
    ["lower: above", 0.2, 0.1, "lower_is_better", false],
    ["a count of 0 against 0", 0, 0, "higher_is_better", true],
    ["no data", null, 0.7, "higher_is_better", null],
    ["no target", 0.5, null, "higher_is_better", null],
    ["a target without a direction", 0.5, 0.7, null, null],
  ])("%s", (_what, value, target, direction, met) => {
    expect(targetMet(value, target === null ? null : { value: target, direction })).toBe(met);
  });
});

describe("resolveTargets: which target each row gets", () => {
  it("enrolled by default: each site its own target or the programme's per-site one, the programme row their sum", () => {
    expect(rows(resolveTargets(builtIn("enrolled"), params, SITES, []))).toEqual([
      ["A", 20, "site"],
      ["B", 15, "definition"],
      ["C", 15, "definition"],
      [null, 50, "sites"],
    ]);
  });

  it("enrolled with a programme-wide target: the programme row takes it, the sites keep theirs", () => {
    const r = resolveTargets(builtIn("enrolled"), params, SITES, [set("enrolled", null, 40)]);
    expect(rows(r)).toEqual([
      ["A", 20, "site"],
      ["B", 15, "definition"],
      ["C", 15, "definition"],
      [null, 40, "programme"],
    ]);
  });

  it("a ratio: the programme-wide target applies to every site, a site's own target wins for its row", () => {
    const r = resolveTargets(builtIn("case_manager"), params, SITES, [
      set("case_manager", null, 0.8),
      set("case_manager", 2, 0.6),
      set("treatment_plan", null, 0.9),
    ]);
    expect(rows(r)).toEqual([
      ["A", 0.8, "programme"],
      ["B", 0.6, "site"],
      ["C", 0.8, "programme"],
      [null, 0.8, "programme"],
    ]);
  });

  it("a ratio with only site targets: those sites have one, the programme row none", () => {
    const r = resolveTargets(builtIn("dropped_out"), params, SITES, [set("dropped_out", 3, 0.1, true)]);
    expect(rows(r)).toEqual([
      ["A", null, null],
      ["B", null, null],
      ["C", 0.1, "site"],
      [null, null, null],
    ]);
    expect(r.sites.get("C")!.direction).toBe("lower_is_better");
  });

  it("a count: a programme-wide target stays on the programme row; site targets add up only when every site has one", () => {
    const d = builtIn("interventions");
    expect(rows(resolveTargets(d, params, SITES, [set("interventions", null, 300)]))).toEqual([
      ["A", null, null],
      ["B", null, null],
      ["C", null, null],
      [null, 300, "programme"],
    ]);
    const some = [set("interventions", 1, 100), set("interventions", 2, 50)];
    expect(rows(resolveTargets(d, params, SITES, some)).at(-1)).toEqual([null, null, null]);
    const all = [...some, set("interventions", 3, 25)];
    expect(rows(resolveTargets(d, params, SITES, all)).at(-1)).toEqual([null, 175, "sites"]);
    // Sites judged in different directions do not add up to one target.
    const mixed = [...some, set("interventions", 3, 25, true)];
    expect(rows(resolveTargets(d, params, SITES, mixed)).at(-1)).toEqual([null, null, null]);
  });

  it("a median takes the programme-wide target on every row, like a ratio", () => {
    const r = resolveTargets(builtIn("psychosocial_per_patient"), params, SITES, [
      set("psychosocial_per_patient", null, 6),
    ]);
    expect(rows(r).map((x) => x[1])).toEqual([6, 6, 6, 6]);
  });

  it("a user definition's own target is the default: every row for a ratio, each site (and their sum) for a count", () => {
    expect(rows(resolveTargets(userDefined("ratio", 0.5), params, SITES, [])).map((x) => x[1])).toEqual([
      0.5, 0.5, 0.5, 0.5,
    ]);
    expect(rows(resolveTargets(userDefined("count", 4), params, SITES, [])).map((x) => x[1])).toEqual([
      4, 4, 4, 12,
    ]);
    // A target set for the programme overrides the definition's on every row of a ratio.
    const r = resolveTargets(userDefined("ratio", 0.5), params, SITES, [set("own_ratio", null, 0.7)]);
    expect(rows(r).map((x) => x[1])).toEqual([0.7, 0.7, 0.7, 0.7]);
  });

  it("an indicator without any target has none anywhere", () => {
    const r = resolveTargets(builtIn("female"), params, SITES, [set("case_manager", null, 0.8)]);
    expect(r.programme).toBeNull();
    expect(r.sites.size).toBe(0);
  });

  it("a count over no site has no summed target", () => {
    expect(resolveTargets(builtIn("enrolled"), params, [], []).programme).toBeNull();
  });
});

describe("targetRange: values as the API expresses them", () => {
  it.each([
    ["ratio", { min: 0, max: 1, whole: false }],
    ["count", { min: 0, max: 10_000_000, whole: true }],
    ["median", { min: 0, max: 1_000_000, whole: false }],
  ] as const)("%s", (kind, range) => {
    expect(targetRange(kind)).toEqual(range);
  });
});
