import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import { describe, expect, it } from "vitest";
import { PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import type { DB } from "../infra/db/schema.ts";
import { CATALOGUE } from "./catalogue.ts";
import {
  byteCompare,
  CompileError,
  compareKeys,
  compile,
  type ProgrammeInputs,
  resolveInt,
} from "./compile.ts";
import { type IndicatorDefinition, validate } from "./definition.ts";

/** Compile-only Kysely: turns the query into SQL text without a database. */
const offline = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const inputs: ProgrammeInputs = {
  programmeId: 7,
  parameters: PARAMETER_DEFAULTS,
  psychosocialTypes: ["assessment", "psychotherapy"],
};
const defs: IndicatorDefinition[] = CATALOGUE.map((d) => {
  const v = validate(d);
  if (!v.ok) throw new Error(d.id);
  return v.definition;
});
const sqlOf = (list: IndicatorDefinition[], asOf = ["2024-06-30"]) =>
  compile(list, inputs, { asOf }).query.compile(offline).sql;

describe("compile", () => {
  it("makes one statement for the whole catalogue, grouping sites and programme together", () => {
    const text = sqlOf(defs);
    expect(text.match(/grouping sets/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain("percentile_cont(0.5)");
    // The latest plan: the greatest key in byte order.
    expect(text).toContain('collate "C") as lp0');
    // One pass over the records: each table is one branch of a single stream, joined once.
    expect(text.match(/from "interventions"/g)).toHaveLength(1);
    expect(text.match(/from "assessments"/g)).toHaveLength(1);
    expect(text.match(/from "treatment_plans"/g)).toHaveLength(1);
    expect(text.match(/union all select \d+ as k, patient_id/g)).toHaveLength(2);
  });

  it("shares one column between equal record sets", () => {
    const text = sqlOf(defs);
    // Interventions: all in the care period, psychosocial in the care period (used twice),
    // psychosocial early, seven early types, family in the care period = 11 columns.
    expect(new Set(text.match(/iv_m\d+/g)).size).toBe(11);
    expect(new Set(text.match(/asm_m\d+/g)).size).toBe(1);
    expect(new Set(text.match(/pl_m\d+/g)).size).toBe(1);
    expect(new Set(text.match(/\blp\d+\b/g)).size).toBe(1);
  });

  it("reads parameters into the SQL (early window, threshold)", () => {
    const text = sqlOf(defs.filter((d) => d.id === "intensive_start"));
    expect(text).toContain("pe.enrolment_date <= pe.r - 90");
    expect(text).toContain("x.d <= e.enrolment_date + 89");
    expect(text).toContain(">= 5");
  });

  it("takes several reference dates as one array parameter: a series is one statement", () => {
    const many = compile(defs, inputs, { asOf: ["2024-04-30", "2024-05-31", "2024-06-30"] }).query.compile(
      offline,
    );
    const more = compile(defs, inputs, { asOf: ["2023-01-31", "2023-02-28"] }).query.compile(offline);
    expect(more.sql).toBe(many.sql);
    expect(many.parameters).toContainEqual(["2024-04-30", "2024-05-31", "2024-06-30"]);
    // One date is written as a constant (the planner then estimates enrolment_date ≤ R well).
    const one = compile(defs, inputs, { asOf: ["2024-06-30"] }).query.compile(offline);
    expect(one.sql).toContain("en.enrolment_date <= $");
  });

  it("refuses to break a per-site indicator down by a patient attribute", () => {
    const team = defs.filter((d) => d.id === "team_size");
    expect(() => compile(team, inputs, { asOf: ["2024-06-30"], by: "sex" })).toThrow(CompileError);
    expect(() => compile(team, inputs, { asOf: ["2024-06-30"], by: "area" })).not.toThrow();
  });

  it("resolves parameter references", () => {
    expect(resolveInt(12, PARAMETER_DEFAULTS)).toBe(12);
    expect(resolveInt({ param: "earlyWindowDays", times: 1, plus: -1 }, PARAMETER_DEFAULTS)).toBe(89);
    expect(resolveInt({ param: "newToServiceDays", times: -1, plus: 0 }, PARAMETER_DEFAULTS)).toBe(-365);
    expect(resolveInt({ param: "ageBand.max", times: 1, plus: 0 }, PARAMETER_DEFAULTS)).toBe(30);
  });
});

describe("ordering", () => {
  it("compares codes byte by byte", () => {
    expect(byteCompare("PL-a", "PL-B")).toBeGreaterThan(0);
    expect(byteCompare("LECCO", "LECCO-2")).toBeLessThan(0);
    expect(["b", "B", "a", "A", "_"].sort(byteCompare)).toEqual(["A", "B", "_", "a", "b"]);
  });

  it("orders sexes, age bands and missing keys", () => {
    expect(["U", "M", "X", "F"].sort((a, b) => compareKeys("sex", PARAMETER_DEFAULTS, a, b))).toEqual([
      "F",
      "M",
      "X",
      "U",
    ]);
    expect(
      ["31+", "~none", "<18", "25–30", "18–24"].sort((a, b) =>
        compareKeys("age_band", PARAMETER_DEFAULTS, a, b),
      ),
    ).toEqual(["<18", "18–24", "25–30", "31+", "~none"]);
  });
});
