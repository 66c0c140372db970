import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { daysAgo, enrolledPatient, insertInterventions } from "../support/registry-world.ts";
import { createWorld, type World } from "../support/world.ts";

/**
 * Migration 0029: refreshing the few enrolments of one write moves events only for enrolments
 * whose event columns changed, and histogram entries only for those whose psychosocial months
 * changed. Each case is one write of the kind an API call makes; after it the stored facts must be
 * what a rebuild computes, and the site versions of the enrolment must have moved (the per-site
 * cache of recomputed indicators reads them), whether or not an event changed.
 */
let w: World;
let patientId: number;
let enrolmentId: number;

beforeAll(async () => {
  w = await createWorld();
  const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 200);
  patientId = patient.id;
  enrolmentId = enrolment.id;
  // Other enrolments at the same site, so a day row is shared and must keep their counts.
  for (const d of [200, 150]) await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, d);
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const versions = async () =>
  (
    await sql<{ site_id: number; version: string }>`
      select site_id, version::text from indicator_site_versions where programme_id = ${w.ids.programmes.bpd}
      order by site_id`.execute(w.database.db)
  ).rows;

const intervention =
  (days: number, type: string, recipient = "patient") =>
  async () =>
    insertInterventions(w, patientId, w.ids.sites.s1, [{ date: daysAgo(days), type, recipient }]);

const CASES: Array<[string, () => Promise<unknown>]> = [
  ["a nursing visit late in care (totals and horizon only)", intervention(20, "nursing")],
  [
    "psychoeducation inside the early window (early counters, intensive)",
    intervention(195, "psychoeducation"),
  ],
  [
    "more early psychosocial care, up to the threshold",
    async () => {
      for (const d of [190, 185, 180, 175]) await intervention(d, "skills_training")();
    },
  ],
  ["psychotherapy months later (month histograms)", intervention(60, "psychotherapy")],
  ["a family intervention (first family date)", intervention(100, "family_intervention", "family")],
  [
    "an update that changes nothing",
    () => sql`update interventions set type = type where patient_id = ${patientId}`.execute(w.database.db),
  ],
  [
    "one intervention deleted",
    () =>
      sql`delete from interventions where id = (select max(id) from interventions where patient_id = ${patientId})`.execute(
        w.database.db,
      ),
  ],
  [
    "a signed treatment plan",
    () =>
      w.database.db
        .insertInto("treatment_plans")
        .values({
          code: `TP-FEW-${patientId}`,
          patient_id: patientId,
          site_id: w.ids.sites.s1,
          created_date: daysAgo(170),
          signed_by_patient: true,
        } as never)
        .execute(),
  ],
  [
    "the enrolment moved to another site",
    () =>
      sql`update enrolments set site_id = ${w.ids.sites.s2} where id = ${enrolmentId}`.execute(w.database.db),
  ],
  [
    "the enrolment ended as a drop-out",
    () =>
      sql`update enrolments set end_date = ${daysAgo(10)}, end_reason = 'dropped_out' where id = ${enrolmentId}`.execute(
        w.database.db,
      ),
  ],
  [
    "the enrolment's start moved earlier",
    () =>
      sql`update enrolments set enrolment_date = ${daysAgo(230)} where id = ${enrolmentId}`.execute(
        w.database.db,
      ),
  ],
  [
    "the enrolment deleted",
    () => sql`delete from enrolments where id = ${enrolmentId}`.execute(w.database.db),
  ],
];

describe("refreshing the facts of a few enrolments", () => {
  it("starts from facts equal to a rebuild", async () => {
    expect(await verifyStoredFacts(w.database.db, w.ids.programmes.bpd)).toEqual([]);
  });

  it.each(CASES)("%s leaves what a rebuild computes and bumps the site", async (_, write) => {
    const before = await versions();
    await write();
    expect(await verifyStoredFacts(w.database.db, w.ids.programmes.bpd)).toEqual([]);
    const after = await versions();
    const moved = after.filter((a) => before.find((b) => b.site_id === a.site_id)?.version !== a.version);
    expect(moved.length).toBeGreaterThan(0);
  });
});
