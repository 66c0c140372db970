import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteCounters } from "../../src/server/indicators/facts/site-reads.ts";
import { type Client, createWorld, type World } from "../support/world.ts";

/**
 * The catalogue's per-site reads are remembered under each site's facts version: a write at one
 * site reads that site again, the others come from memory; nothing stale is ever served, and a
 * transaction always reads the stored facts.
 */
let world: World;
let admin: Client;
let pid = 0;
const AS_OF = ["2024-06-30", "2025-01-31"];

async function enrolAt(siteId: number, date: string) {
  const p = await admin.post("/api/patients", { birthYear: 1992, sex: "F", siteId });
  const e = await admin.post("/api/enrolments", {
    patientId: p.json().id,
    programmeId: pid,
    siteId,
    enrolmentDate: date,
    primaryDiagnosis: "F60.3",
    overrideReason: "no first-contact date recorded yet",
  });
  expect(e.statusCode).toBe(201);
  return p.json().id as number;
}

beforeAll(async () => {
  world = await createWorld();
  admin = await world.as("admin");
  pid = world.ids.programmes.bpd;
  await enrolAt(world.ids.sites.s1, "2024-02-01");
  await enrolAt(world.ids.sites.s2, "2024-03-01");
});
afterAll(async () => {
  await world?.close();
});

describe("per-site facts reads under the sites' versions", () => {
  it("serve a site from memory until its version moves, and never a stale figure", async () => {
    const { db } = world.database;
    const { s1, s2 } = world.ids.sites;
    const first = await siteCounters(db, pid, AS_OF);
    expect(first).toEqual(await siteCounters(db, pid, AS_OF, { fresh: true }));
    expect(first.get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(1);

    // A change to the stored facts that bumps no version (only a repair could do that) is not
    // read again: proof that the site came from memory. A fresh read, as verify does, sees it.
    await sql`update indicator_site_days set enrolled = enrolled + 100
      where programme_id = ${pid} and site_id = ${s2} and day = '2024-03-01'`.execute(db);
    expect((await siteCounters(db, pid, AS_OF)).get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(1);
    expect((await siteCounters(db, pid, AS_OF, { fresh: true })).get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(101);

    // Inside a transaction nothing is remembered: it reads what is stored
    await db.transaction().execute(async (trx) => {
      expect((await siteCounters(trx, pid, AS_OF)).get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(101);
    });

    // A write at s1 moves s1's version only: s1 is read again (its new enrolment counts), s2
    // still comes from memory
    await enrolAt(s1, "2024-04-01");
    const afterS1 = await siteCounters(db, pid, AS_OF);
    expect(afterS1.get(AS_OF[0]!)!.get(s1)!.enrolled).toBe(2);
    expect(afterS1.get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(1);

    // A write at s2 moves s2's version: what is stored is read again
    await enrolAt(s2, "2024-05-01");
    const afterS2 = await siteCounters(db, pid, AS_OF);
    expect(afterS2.get(AS_OF[0]!)!.get(s2)!.enrolled).toBe(102);
    expect(afterS2).toEqual(await siteCounters(db, pid, AS_OF, { fresh: true }));
  });
});
