import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVerification } from "../../src/server/indicators/facts/maintenance.ts";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { loadProgrammeContext } from "../../src/server/indicators/service.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { type Client, createWorld, type World } from "../support/world.ts";

/**
 * The deep verification (`praxis indicators verify --deep`) compares the stored facts rows with a
 * rebuild from the registry: it finds drift that the catalogue's outputs do not show yet, and the
 * rebuild it compares with is rolled back.
 */
let world: World;
let admin: Client;
let pid = 0;

const snapshot = async () => {
  const { rows } = await sql<{ sum: string }>`
    select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
    from indicator_site_days t`.execute(world.database.db);
  return rows[0]!.sum;
};

beforeAll(async () => {
  world = await createWorld();
  admin = await world.as("admin");
  pid = world.ids.programmes.bpd;
  const p = await admin.post("/api/patients", { birthYear: 1990, sex: "M", siteId: world.ids.sites.s1 });
  const e = await admin.post("/api/enrolments", {
    patientId: p.json().id,
    programmeId: pid,
    siteId: world.ids.sites.s1,
    enrolmentDate: "2024-03-01",
    primaryDiagnosis: "F60.3",
    overrideReason: "no first-contact date recorded yet",
  });
  expect(e.statusCode).toBe(201);
  for (const date of ["2024-03-02", "2024-03-20", "2024-04-11"]) {
    const i = await admin.post("/api/interventions", {
      patientId: p.json().id,
      siteId: world.ids.sites.s1,
      date,
      type: "psychoeducation",
    });
    expect(i.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await world?.close();
});

describe("the deep verification of the stored facts", () => {
  it("finds nothing after writes through the API", async () => {
    expect(await verifyStoredFacts(world.database.db, pid)).toEqual([]);
  });

  it("finds a stored row no output reads yet, and changes nothing", async () => {
    const { db } = world.database;
    // drift written straight into the facts (no trigger watches them): a day far in the future
    // that no catalogue of today or the past sums, and a flag of one enrolment flipped
    await sql`insert into indicator_site_days (programme_id, site_id, day, enrolled)
      values (${pid}, ${world.ids.sites.s1}, '2099-01-01', 1)`.execute(db);
    await sql`update indicator_enrolment_facts set case_manager = not case_manager
      where enrolment_id = (select min(enrolment_id) from indicator_enrolment_facts where programme_id = ${pid})`.execute(
      db,
    );
    const before = await snapshot();
    const found = await verifyStoredFacts(db, pid);
    expect(found).toEqual([
      { table: "indicator_enrolment_facts", missing: 1, extra: 1 },
      { table: "indicator_site_days", missing: 0, extra: 1 },
    ]);
    expect(await snapshot()).toBe(before);

    // a recorded deep run counts the differing rows and keeps them in its detail
    const ctx = (await loadProgrammeContext(db, pid))!;
    const { verification, record } = await runVerification(db, ctx, ["2024-06-30"], SYSTEM, { deep: true });
    expect(verification.stored).toEqual(found);
    expect(record.differences).toBeGreaterThanOrEqual(3);
    expect(record.detail.stored).toEqual(found);
  });
});
