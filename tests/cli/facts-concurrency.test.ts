import { describe, expect, it } from "vitest";
import {
  BUILT_IN,
  computeCells,
  findProgrammeId,
  loadProgrammeContext,
  recomputeCells,
} from "../../src/server/indicators/service.ts";
import { openPostgres } from "../../src/server/infra/db/database.ts";
import { today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { pool, twoServersOnDemo } from "../support/demo-database.ts";
import { loginOverHttp, praxis } from "../support/spawn.ts";

/**
 * Indicator facts under concurrency (issue 9): two `praxis serve` processes on one PostgreSQL
 * take hundreds of interventions for the same site and the same patients at once, then delete
 * some of them at once. Every acknowledged write is stored exactly once and the facts equal a
 * recomputation from the registry: no update is lost.
 */
const url = process.env.DATABASE_URL;
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres" && !!url;
const WRITES = 300;
const IN_FLIGHT = 16;

async function login(base: string) {
  const { cookie, csrfToken } = await loginOverHttp(base, "admin");
  return { "content-type": "application/json", cookie, "x-csrf-token": csrfToken };
}

describe.skipIf(!onPostgres)("indicator facts with two servers writing at once", () => {
  const demo = twoServersOnDemo("praxis_facts", [], 180_000);

  it("loses no update and keeps the facts equal to the recomputation", async () => {
    const database = await openPostgres(demo.url, { poolSize: 4 });
    try {
      const { db } = database;
      // The busiest site of the BPD programme and ten of its patients, each with its enrolment date.
      const pid = (await findProgrammeId(db, "BPD-LOM"))!;
      const patients = await db
        .selectFrom("enrolments")
        .select(["patient_id", "site_id", "enrolment_date"])
        .where("programme_id", "=", pid)
        .where("site_id", "=", (eb) =>
          eb
            .selectFrom("enrolments")
            .select("site_id")
            .where("programme_id", "=", pid)
            .groupBy("site_id")
            .orderBy((x) => x.fn.countAll(), "desc")
            .limit(1),
        )
        .orderBy("patient_id")
        .limit(10)
        .execute();
      expect(patients.length).toBe(10);
      const headers = await Promise.all(demo.servers.map((s) => login(s.url)));
      const yesterday = new Date(`${regionToday()}T00:00:00Z`);
      yesterday.setUTCDate(yesterday.getUTCDate() - 1);
      const types = ["psychoeducation", "skills_training", "psychiatric_visit", "family_intervention"];
      const writes = Array.from({ length: WRITES }, (_, i) => async () => {
        const p = patients[i % patients.length]!;
        // in the early window, but never in the future: the demo's data runs up to yesterday, so a
        // patient enrolled last month has an early window that is not over yet
        const d = new Date(`${p.enrolment_date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + (i % 85));
        if (d > yesterday) d.setTime(yesterday.getTime());
        const res = await fetch(`${demo.servers[i % 2]!.url}/api/interventions`, {
          method: "POST",
          headers: headers[i % 2]!,
          body: JSON.stringify({
            patientId: p.patient_id,
            siteId: p.site_id,
            date: d.toISOString().slice(0, 10),
            type: types[i % types.length],
            recipient: i % 5 === 0 ? "family" : "patient",
          }),
        });
        const body = (await res.json()) as { id?: number };
        return { status: res.status, id: res.status === 201 ? body.id! : null, body };
      });
      const created = await pool(writes, IN_FLIGHT);
      // every write is acknowledged: a refusal here (say, a deadlock between the servers' fact
      // updates) is a lost write for the clinician who made it
      expect(created.filter((c) => c.status !== 201)).toEqual([]);
      const acknowledged = created.map((c) => c.id!);
      const deleted = acknowledged.filter((_, i) => i % 3 === 0);
      const deletes = await pool(
        deleted.map((id, i) => async () => {
          const { "content-type": _json, ...plain } = headers[i % 2]!;
          const res = await fetch(`${demo.servers[i % 2]!.url}/api/interventions/${id}`, {
            method: "DELETE",
            headers: plain,
          });
          return res.status;
        }),
        IN_FLIGHT,
      );
      expect([...new Set(deletes)]).toEqual([200]);
      const kept = acknowledged.filter((_, i) => i % 3 !== 0);
      const stored = await db
        .selectFrom("interventions")
        .select("id")
        .where("id", "in", acknowledged)
        .execute();
      expect(stored.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([...kept].sort((a, b) => a - b));

      const ctx = (await loadProgrammeContext(db, pid))!;
      for (const by of ["site", "sex"] as const) {
        const defs = BUILT_IN.filter((d) => by === "site" || d.compute.source === "enrolments");
        const options = { asOf: [regionToday(), "2024-03-31", "2024-06-15"], by };
        expect(await computeCells(db, ctx, defs, options)).toEqual(
          await recomputeCells(db, ctx, defs, options),
        );
      }
      const verify = praxis(["indicators", "verify", "--programme", "BPD-LOM"], { DATABASE_URL: demo.url });
      expect(verify.stdout).toMatch(/0 differ/);
      expect(verify.code).toBe(0);
    } finally {
      await database.close();
    }
  }, 300_000);
});
