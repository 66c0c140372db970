import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { daysAgo, enrolledPatient } from "../support/registry-world.ts";
import { createWorld, type World } from "../support/world.ts";

/**
 * Migration 0014: refreshing a few enrolments (an API write) keeps a generic plan, many (an
 * import) are planned for their array. Both must leave the facts a rebuild would compute: care
 * recorded with the per-enrolment refresh deferred makes the stored facts stale, the refresh
 * through either path makes them right again.
 */
let w: World;
const enrolments: Array<{ id: number; patientId: number }> = [];
beforeAll(async () => {
  w = await createWorld();
  for (let i = 0; i < 70; i++) {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 40 + i);
    enrolments.push({ id: enrolment.id, patientId: patient.id });
  }
}, 120_000);
afterAll(async () => {
  await w?.close();
});

async function recordDeferred(patients: Array<{ patientId: number }>, daysIn: number) {
  await w.database.db.transaction().execute(async (trx) => {
    await sql`select set_config('praxis.facts', 'deferred', true)`.execute(trx);
    for (const p of patients) {
      await trx
        .insertInto("interventions")
        .values({
          code: `DEF-${p.patientId}-${daysIn}`,
          patient_id: p.patientId,
          site_id: w.ids.sites.s1,
          date: daysAgo(daysIn),
          type: "psychoeducation",
          setting: "individual",
          recipient: "patient",
        } as never)
        .execute();
    }
  });
}

describe("refreshing enrolment facts", () => {
  it.each([
    ["a few enrolments (generic plan)", 12],
    ["many enrolments (planned for the array)", 70],
  ])("%s leaves what a rebuild computes", async (_, n) => {
    const some = enrolments.slice(0, n);
    await recordDeferred(some, 35);
    expect((await verifyStoredFacts(w.database.db, w.ids.programmes.bpd)).length).toBeGreaterThan(0);
    await sql`select indicator_refresh_enrolments(${some.map((e) => e.id)}::int[])`.execute(w.database.db);
    expect(await verifyStoredFacts(w.database.db, w.ids.programmes.bpd)).toEqual([]);
    await sql`delete from interventions where code like 'DEF-%'`.execute(w.database.db);
    expect(await verifyStoredFacts(w.database.db, w.ids.programmes.bpd)).toEqual([]);
  });
});
