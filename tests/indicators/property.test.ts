import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/server/indicators/catalogue.ts";
import { byteCompare } from "../../src/server/indicators/compile.ts";
import { computeProgrammeIndicators } from "../../src/server/indicators/service.ts";
import { BASE_TAXONOMY } from "../../src/server/practices/schemas.ts";
import { indicatorDatabaseOfFile } from "./db.ts";
import { addDays, Registry } from "./fixtures.ts";

/**
 * Properties on random small registries: each site's numerators, denominators and counts add up
 * to the programme's (ratio and count indicators; medians excluded), a ratio's value is null
 * exactly when its denominator is 0 and is numerator / denominator otherwise, and every site of
 * the programme (registered, or with an enrolment at any date) has a row for every indicator.
 */
const BASE = "2023-01-01";
const SITE_CODES = ["A", "B", "a", "b", "A-1", "Z_9"];
const TYPES = [...BASE_TAXONOMY.map((t) => t.code), "own_type"];

const day = fc.integer({ min: 0, max: 900 });
const patientArb = fc.record({
  sex: fc.constantFrom("F", "M", "X", "U" as const),
  birthYear: fc.integer({ min: 1950, max: 2015 }),
  firstContact: fc.option(day, { nil: null }),
  enrolP: fc.option(
    fc.record({
      site: fc.nat({ max: 5 }),
      day,
      length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      reason: fc.constantFrom("completed", "dropped_out", "moved" as const),
      diagnosis: fc.constantFrom(undefined, "F60.3", "F60.31", "F43.1", "F60"),
      caseManager: fc.boolean(),
    }),
    { nil: null },
  ),
  enrolQ: fc.option(fc.record({ site: fc.nat({ max: 5 }), day }), { nil: null }),
  interventions: fc.array(
    fc.record({
      offset: fc.integer({ min: -120, max: 500 }),
      type: fc.constantFrom(...TYPES),
      recipient: fc.constantFrom("patient", "family", "patient_and_family" as const),
    }),
    { maxLength: 8 },
  ),
  assessments: fc.array(fc.integer({ min: -150, max: 300 }), { maxLength: 2 }),
  plans: fc.array(
    fc.record({
      offset: fc.integer({ min: -120, max: 300 }),
      signed: fc.boolean(),
      social: fc.boolean(),
      work: fc.boolean(),
      integrated: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});
const registryArb = fc.record({
  sites: fc.integer({ min: 1, max: 6 }),
  registered: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  targets: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 6, maxLength: 6 }),
  patients: fc.array(patientArb, { maxLength: 12 }),
  groups: fc.array(
    fc.record({
      site: fc.nat({ max: 5 }),
      kind: fc.constantFrom("dbt_skills", "family_connections", "imr"),
      programme: fc.constantFrom("P", "Q", null),
      day,
    }),
    { maxLength: 4 },
  ),
  professionals: fc.array(
    fc.record({ site: fc.nat({ max: 5 }), team: fc.boolean(), trained: fc.boolean() }),
    { maxLength: 5 },
  ),
  asOf: fc.integer({ min: 0, max: 1000 }),
});

let run = 0;

const database = indicatorDatabaseOfFile();

type Spec = typeof registryArb extends fc.Arbitrary<infer T> ? T : never;

async function build(spec: Spec) {
  run += 1;
  const prefix = `r${run}-`;
  const reg = new Registry(database.db, prefix);
  const site = (i: number) => `${prefix}${SITE_CODES[i % spec.sites]!}`;
  for (let i = 0; i < spec.sites; i++) await reg.site(site(i));
  await reg.practice(`${prefix}PR`, [{ code: "own_type", psychosocial: true }]);
  const registered = Array.from({ length: spec.sites }, (_, i) => i).filter((i) => spec.registered[i]);
  await reg.programme(`${prefix}P`, {
    practice: `${prefix}PR`,
    parameters: { targetEnrolmentPerSite: 2 },
    sites: registered.map((i) => [site(i), spec.targets[i]!] as [string, number | null]),
  });
  await reg.programme(`${prefix}Q`, { sites: [site(0)] });
  let n = 0;
  for (const p of spec.patients) {
    n += 1;
    const code = `${prefix}p${n}`;
    await reg.patient(code, {
      sex: p.sex,
      birthYear: p.birthYear,
      firstContact: p.firstContact === null ? null : addDays(BASE, p.firstContact),
    });
    let anchor = BASE;
    if (p.enrolP) {
      anchor = addDays(BASE, p.enrolP.day);
      await reg.enrol(code, site(p.enrolP.site), anchor, {
        programme: `${prefix}P`,
        ...(p.enrolP.length === null
          ? {}
          : { end: addDays(anchor, p.enrolP.length), reason: p.enrolP.reason }),
        ...(p.enrolP.diagnosis ? { diagnosis: p.enrolP.diagnosis } : {}),
        ...(p.enrolP.caseManager ? { caseManager: "cm" } : {}),
      });
    }
    if (p.enrolQ)
      await reg.enrol(code, site(p.enrolQ.site), addDays(BASE, p.enrolQ.day), { programme: `${prefix}Q` });
    for (const i of p.interventions) {
      await reg.interventions(code, i.type, [addDays(anchor, i.offset)], {
        site: site(0),
        recipient: i.recipient,
      });
    }
    for (const a of p.assessments) await reg.assessment(code, addDays(anchor, a));
    for (const pl of p.plans) await reg.plan(code, addDays(anchor, pl.offset), { ...pl, site: site(0) });
  }
  let g = 0;
  for (const gr of spec.groups) {
    g += 1;
    await reg.group(`${prefix}G${g}`, site(gr.site), gr.kind, addDays(BASE, gr.day), {
      ...(gr.programme ? { programme: `${prefix}${gr.programme}` } : {}),
    });
  }
  let x = 0;
  for (const pr of spec.professionals) {
    x += 1;
    await reg.professional(`${prefix}x${x}`, site(pr.site), pr);
  }
  const enrolledSites = new Set(spec.patients.flatMap((p) => (p.enrolP ? [site(p.enrolP.site)] : [])));
  const expectedSites = [...new Set([...registered.map(site), ...enrolledSites])].sort(byteCompare);
  return { reg, prefix, expectedSites };
}

const KIND = new Map(CATALOGUE.map((d) => [d.id, d.kind]));

describe("indicators on random registries", () => {
  it("add up from sites to the programme, with null ratios exactly for empty denominators", async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, async (spec) => {
        const { reg, prefix, expectedSites } = await build(spec);
        const asOf = addDays(BASE, spec.asOf);
        const result = await computeProgrammeIndicators(database.db, reg.programmes.get(`${prefix}P`)!, asOf);
        const records = result!.records;
        for (const d of CATALOGUE) {
          const rows = records.filter((r) => r.id === d.id);
          expect(rows.map((r) => r.site)).toEqual([...expectedSites, null]);
          const sites = rows.slice(0, -1);
          const total = rows.at(-1)!;
          const kind = KIND.get(d.id);
          if (kind === "median") {
            for (const r of rows) expect([r.numerator, r.denominator]).toEqual([null, null]);
            continue;
          }
          const sum = (pick: (r: (typeof rows)[number]) => number | null) =>
            sites.reduce((s, r) => s + (pick(r) ?? 0), 0);
          expect(
            sum((r) => r.numerator),
            d.id,
          ).toBe(total.numerator);
          if (kind === "ratio") {
            expect(
              sum((r) => r.denominator),
              d.id,
            ).toBe(total.denominator);
            for (const r of rows) {
              expect(r.numerator!).toBeLessThanOrEqual(r.denominator!);
              expect(r.value === null, `${d.id} ${r.site}`).toBe(r.denominator === 0);
              if (r.denominator) expect(r.value).toBe(r.numerator! / r.denominator);
            }
          } else {
            for (const r of rows) {
              expect(r.denominator).toBeNull();
              expect(r.value).toBe(r.numerator);
            }
          }
        }
        // Enrolled, by hand from the specification: P enrolments dated on or before R, per site.
        const enrolled = records.filter((r) => r.id === "enrolled" && r.site === null)[0]!;
        expect(enrolled.value).toBe(
          spec.patients.filter((p) => p.enrolP && addDays(BASE, p.enrolP.day) <= asOf).length,
        );
      }),
      { numRuns: Number(process.env.PRAXIS_PROPERTY_RUNS ?? 40) },
    );
  }, 300_000);
});
