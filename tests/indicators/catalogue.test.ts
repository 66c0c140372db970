import { describe, expect, it } from "vitest";
import { CATALOGUE_IDS } from "../../src/server/indicators/catalogue.ts";
import {
  BUILT_IN,
  computeProgrammeIndicators,
  loadProgrammeContext,
  planCompute,
  type SizedRecord,
} from "../../src/server/indicators/service.ts";
import { indicatorDatabaseOfFile } from "./db.ts";
import { buildEdgeFixture, R } from "./edge-fixture.ts";
import type { Registry } from "./fixtures.ts";

/**
 * Every indicator of the catalogue on the hand-computed fixture of edge-fixture.ts, as of
 * R = 2024-06-30. Expected numbers are worked out by hand in the comments; ratios are
 * [numerator, denominator] (the value is their quotient, null for 0), counts are the value,
 * medians the value.
 */
type Expected = Record<"A" | "B" | "C" | "D" | "E" | "all", number | null | [number, number]>;

const ratio = (
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
  e: [number, number],
  all: [number, number],
): Expected => ({
  A: a,
  B: b,
  C: c,
  D: d,
  E: e,
  all,
});
const none: [number, number] = [0, 0];
const counts = (A: number, B: number, C: number, D: number, E: number, all: number): Expected => ({
  A,
  B,
  C,
  D,
  E,
  all,
});

/** Hand-computed: see the fixture table. E(R) = a1 a2 a3 a4 | b1 b2 b3 | — | d1 | — ; E90 = a1 a2 | b1 b2 b3 | d1. */
const EXPECTED: Record<string, Expected> = {
  // a1 a2 a3 a4 = 4; b1 b2 b3 = 3; d1 = 1; a5 and e1 are enrolled after R.
  enrolled: counts(4, 3, 0, 1, 0, 8),
  // A 4 ≥ 3; B 3 ≥ 2 (programme default); C 0 ≥ 0; D 1 < 2; E 0 < 2.
  enrolment_target_met: counts(1, 1, 1, 0, 0, 3),
  // ages: a1 24, a2 44, a3 14, a4 30 (edge) | b1 24, b2 34, b3 18 (edge) | d1 52.
  age_in_band: ratio([2, 4], [2, 3], none, [0, 1], none, [4, 8]),
  // with a first contact: a1 ✓, a3 ✗ (366 days), a4 ✓ (after enrolment) | b2 ✓ (same day) | d1 ✓ (exactly 365).
  new_to_service: ratio([2, 3], [1, 1], none, [1, 1], none, [4, 5]),
  // F/M/X: a1 F, a2 M, a3 X (a4 U left out) | b1 F, b2 F, b3 M | d1 M.
  female: ratio([1, 3], [2, 3], none, [0, 1], none, [3, 7]),
  // F60.3 prefix: a1 F60.3 ✓, a2 F60.31 ✓, a3 F60 ✗, a4 none | b2 F60.30 ✓, b3 F43.1 | d1 F60.3 ✓.
  target_diagnosis: ratio([2, 4], [1, 3], none, [1, 1], none, [4, 8]),
  // care period: a1 7, a2 2 (not the day before), a3 1, a4 1 (not after R) | b1 5 (not before / after end), b2 2, b3 1 | d1 4.
  interventions: counts(11, 8, 0, 4, 0, 23),
  // psychosocial: a1 6, a2 2, a3 1, a4 0 | b1 5, b2 2, b3 1 | d1 2 (dbt_individual; not peer_support, not mystery).
  psychosocial_interventions: counts(9, 8, 0, 2, 0, 19),
  // medians: A {0,1,2,6} → 1.5; B {1,2,5} → 2; D {2}; all {0,1,1,2,2,2,5,6} → 2.
  psychosocial_per_patient: { A: 1.5, B: 2, C: null, D: 2, E: null, all: 2 },
  // ≥ 5 psychosocial in days 0–89: a1 ✓ (5), a2 ✗ | b1 ✓ (days 0–4), b2 ✗, b3 ✗ | d1 ✗ (2).
  intensive_start: ratio([1, 2], [1, 3], none, [0, 1], none, [2, 6]),
  // a2's assessment on day 89.
  early_assessment: ratio([1, 2], [0, 3], none, [0, 1], none, [1, 6]),
  // a2's psychoeducation is the day before enrolment; a3 is not observed early.
  early_psychoeducation: ratio([0, 2], [0, 3], none, [0, 1], none, [0, 6]),
  early_skills_training: ratio([0, 2], [1, 3], none, [0, 1], none, [1, 6]),
  // a1; b3 on day 29 = its end date.
  early_psychotherapy: ratio([1, 2], [1, 3], none, [0, 1], none, [2, 6]),
  // a2's family intervention is on day 90.
  early_family_intervention: ratio([0, 2], [0, 3], none, [0, 1], none, [0, 6]),
  // b2's job placement on day 89.
  early_job_placement: ratio([0, 2], [1, 3], none, [0, 1], none, [1, 6]),
  // b2's social support is on day 90.
  early_social_support: ratio([0, 2], [0, 3], none, [0, 1], none, [0, 6]),
  // a1 day −90 ✓, a2 day 90 ✗ | b2 day −91 ✗, b3 day 60 (after its end, inside −90 … 89) ✓ | d1 day 89 ✓.
  structured_assessment: ratio([1, 2], [1, 3], none, [1, 1], none, [3, 6]),
  // a2 (family, day 90 = R) | b2 (patient and family); b1's family session is after its end.
  family_involved: ratio([1, 4], [1, 3], none, [0, 1], none, [2, 8]),
  case_manager: ratio([1, 4], [1, 3], none, [1, 1], none, [3, 8]),
  // plans of the enrolment: a1 ✓, a3 ✗ (after R), a4 ✓ (on R) | b1 ✓, b3 ✓ (day −90) | d1 ✗ (day −91).
  treatment_plan: ratio([2, 4], [2, 3], none, [0, 1], none, [4, 8]),
  // latest: a1 2024-03-01 (social), a4 (integrated) | b1 "PL-a" > "PL-B" in byte order (work), b3 (signed).
  plan_signed: ratio([0, 2], [1, 2], none, none, none, [1, 4]),
  plan_shared_social: ratio([1, 2], [0, 2], none, none, none, [1, 4]),
  plan_shared_work: ratio([0, 2], [1, 2], none, none, none, [1, 4]),
  plan_integrated_actions: ratio([1, 2], [0, 2], none, none, none, [1, 4]),
  // b1 (ended 2023-03-01); b2 ends after R.
  dropped_out: ratio([0, 4], [1, 3], none, [0, 1], none, [1, 8]),
  // A: G1 (P) and G2 (no programme, starts on R), not G3 (Q); B: G4 starts after R; F is not a site of P.
  dbt_skills_groups: counts(2, 0, 0, 0, 0, 2),
  // B: G5, ended but started before R.
  family_connections_groups: counts(0, 1, 0, 0, 0, 1),
  // A: x1 x2; B: y1 (F's w1 is not at a site of P).
  team_size: counts(2, 1, 0, 0, 0, 3),
  team_trained: ratio([1, 2], [1, 1], none, none, none, [2, 3]),
  // A: x3; D: z1.
  trained_not_in_team: counts(1, 0, 0, 1, 0, 2),
};

const SITES = ["A", "B", "C", "D", "E"] as const;

let registry: Registry;
let records: SizedRecord[];

const database = indicatorDatabaseOfFile(async () => {
  registry = await buildEdgeFixture(database.db);
  const result = await computeProgrammeIndicators(database.db, registry.programmes.get("P")!, R);
  records = result!.records;
});

describe("the catalogue on the hand-computed fixture", () => {
  it("has an expectation for every indicator of the catalogue", () => {
    expect(Object.keys(EXPECTED)).toEqual([...CATALOGUE_IDS]);
  });

  it("returns records in catalogue order, sites in byte order, then the programme", () => {
    const expectedOrder = CATALOGUE_IDS.flatMap((id) => [...SITES.map((s) => `${id}/${s}`), `${id}/null`]);
    expect(records.map((r) => `${r.id}/${r.site}`)).toEqual(expectedOrder);
  });

  it.each(Object.entries(EXPECTED))("%s", (id, expected) => {
    const kind = typeof Object.values(expected).find((v) => v !== null);
    for (const site of [...SITES, "all"] as const) {
      const rec = records.find((r) => r.id === id && r.site === (site === "all" ? null : site))!;
      const want = expected[site];
      const got = { numerator: rec.numerator, denominator: rec.denominator, value: rec.value };
      if (Array.isArray(want)) {
        const [n, d] = want;
        expect(got, `${id} ${site}`).toEqual({ numerator: n, denominator: d, value: d === 0 ? null : n / d });
      } else if (id === "psychosocial_per_patient") {
        expect(got, `${id} ${site}`).toEqual({ numerator: null, denominator: null, value: want });
      } else {
        expect(kind).toBe("number");
        expect(got, `${id} ${site}`).toEqual({ numerator: want, denominator: null, value: want });
      }
    }
  });

  it("computes the other programme from the same patients (two programmes, groups without programme)", async () => {
    const q = await computeProgrammeIndicators(database.db, registry.programmes.get("Q")!, R);
    const pick = (id: string) => q!.records.filter((r) => r.id === id).map((r) => [r.site, r.value]);
    // Q's sites: A (registered), B (q1's enrolment).
    expect(pick("enrolled")).toEqual([
      ["A", 1],
      ["B", 1],
      [null, 2],
    ]);
    // b2's job placement and social support count for Q at A (enrolled in Q on 2024-01-01); q1's psychotherapy at B.
    expect(pick("interventions")).toEqual([
      ["A", 2],
      ["B", 1],
      [null, 3],
    ]);
    // A: G2 (no programme) and G3 (Q), not G1 (P).
    expect(pick("dbt_skills_groups")).toEqual([
      ["A", 2],
      ["B", 0],
      [null, 2],
    ]);
    // Q's base taxonomy: dbt_individual means nothing there, but Q has no such records; team of A and B.
    expect(pick("team_size")).toEqual([
      ["A", 2],
      ["B", 1],
      [null, 3],
    ]);
  });

  it("is read from the facts: a write shows at once, and its deletion restores the values", async () => {
    const pid = registry.programmes.get("P")!;
    const again = await computeProgrammeIndicators(database.db, pid, R);
    expect(again!.records).toEqual(records);
    const ctx = (await loadProgrammeContext(database.db, pid))!;
    expect(planCompute(BUILT_IN, ctx.inputs, "site", true).siteFacts).toHaveLength(BUILT_IN.length);
    await registry.interventions("d1", "psychotherapy", ["2022-01-06"]);
    const after = await computeProgrammeIndicators(database.db, pid, R);
    const value = (rs: SizedRecord[], id: string, site: string | null) =>
      rs.find((r) => r.id === id && r.site === site)!.value;
    expect(value(after!.records, "interventions", "D")).toBe(5);
    expect(value(after!.records, "interventions", null)).toBe(24);
    await database.db.deleteFrom("interventions").where("date", "=", "2022-01-06").execute();
    const restored = await computeProgrammeIndicators(database.db, pid, R);
    expect(restored!.records).toEqual(records);
  });
});
