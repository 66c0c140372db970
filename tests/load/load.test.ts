import { describe, expect, it } from "vitest";
import { openPostgres } from "../../src/server/infra/db/database.ts";
import { twoServersOnDemo } from "../support/demo-database.ts";
import { describeLoad, prepareCast, runLoad, verifyLoad } from "../support/load-scenario.ts";
import { praxis } from "../support/spawn.ts";

/**
 * Issue 14, "load with nothing lost", short: 30 clinicians record interventions and group
 * sessions through two `praxis serve` processes on one PostgreSQL while 10 readers load
 * dashboards. Every acknowledged write is in the database exactly once with the ids it was
 * answered with; the writes made invalid on purpose (1 in 20) are refused and leave nothing; no
 * other request fails; every acknowledged write has its one audit entry and the chain is intact.
 * No timing is asserted (the figures are logged; `npm run bench -- load` runs the 60 s version).
 * PRAXIS_LOAD_TEST_SECONDS sets the duration (default 8).
 */
const url = process.env.DATABASE_URL;
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres" && !!url;
const SECONDS = Number(process.env.PRAXIS_LOAD_TEST_SECONDS ?? 8);

/** The run's figures, one `name: value` a line (no timing is asserted). */
const logLoad = (figures: ReturnType<typeof describeLoad>) =>
  console.log(
    Object.entries(figures)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n"),
  );

/** Some writes were acknowledged, and each is stored exactly once with its one audit entry. */
function expectEveryAcknowledgedWriteOnce(verdict: Awaited<ReturnType<typeof verifyLoad>>) {
  expect(verdict.acknowledged).toBeGreaterThan(0);
  expect(verdict.missing).toEqual([]);
  expect(verdict.duplicates).toEqual([]);
  expect(verdict.foundOnce).toBe(verdict.acknowledged);
  expect(verdict.unexplained).toEqual([]);
  expect(verdict.auditMismatches).toEqual([]);
}

describe.skipIf(!onPostgres)("load with nothing lost (two servers, one PostgreSQL)", () => {
  // two app servers of one process each: two processes really serving at once
  const demo = twoServersOnDemo("praxis_load", ["--workers", "1"], 240_000);

  it("stores every acknowledged write exactly once and keeps the audit chain intact", async () => {
    const database = await openPostgres(demo.url, { poolSize: 4 });
    try {
      const cast = await prepareCast(database.db, { clinicians: 30, readers: 10 });
      expect(cast.clinicians.filter((c) => c.groups.length > 0).length).toBeGreaterThan(0);
      const result = await runLoad(
        cast,
        demo.servers.map((s) => s.url),
        { seconds: SECONDS },
      );
      const verdict = await verifyLoad(database.db, cast, result);
      logLoad(describeLoad(cast, result, verdict, demo.servers.length));
      const writes = result.samples.filter((s) => s.kind !== "read");
      // both servers took writes of every kind, and refused some
      for (const server of [0, 1]) {
        for (const kind of ["intervention", "intervention_batch", "group_session"])
          expect(writes.some((w) => w.server === server && w.kind === kind && w.status === 201)).toBe(true);
        expect(writes.some((w) => w.server === server && w.refusal)).toBe(true);
      }
      expectEveryAcknowledgedWriteOnce(verdict);
      // what had to be refused was, with a 4xx, and left nothing behind
      expect(verdict.refusalProblems).toEqual([]);
      expect(verdict.refused).toBeGreaterThan(0);
      // every other request was answered, none with an error: no 5xx, no refusal of a valid write
      expect(verdict.notAcknowledged).toEqual([]);
      expect(result.samples.filter((s) => !s.refusal && (s.status < 200 || s.status >= 300))).toEqual([]);
      expect(verdict.audit).toEqual({ ok: true, entries: expect.any(Number) });
      const verify = praxis(["audit", "verify"], { DATABASE_URL: demo.url });
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    } finally {
      await database.close();
    }
  }, 600_000);

  it("loses no acknowledged write when one server is killed in the middle", async () => {
    const database = await openPostgres(demo.url, { poolSize: 4 });
    try {
      const cast = await prepareCast(database.db, { clinicians: 30, readers: 10 });
      const victim = demo.servers[1]!;
      const result = await runLoad(
        cast,
        demo.servers.map((s) => s.url),
        {
          seconds: SECONDS,
          events: [{ afterSeconds: SECONDS / 2, run: () => process.kill(victim.pid, "SIGKILL") }],
        },
      );
      const verdict = await verifyLoad(database.db, cast, result);
      logLoad(describeLoad(cast, result, verdict, demo.servers.length));
      expectEveryAcknowledgedWriteOnce(verdict);
      expect(verdict.refusalProblems).toEqual([]);
      // what the killed server never answered is stored all or nothing (each is reported)
      expect(verdict.partial).toEqual([]);
      // only the killed server failed to answer; the other answered everything, never a 5xx
      const failed = result.samples.filter((s) => !s.refusal && (s.status < 200 || s.status >= 300));
      expect(failed.filter((s) => s.status !== 0 || s.server !== 1)).toEqual([]);
      // its clients went on with the surviving server, with the sessions made on the killed one
      // (a marker is LD<run>-<client>-<n>; client k started on server (k - 1) mod 2)
      const movedOver = result.samples.filter(
        (s) => s.server === 0 && s.status === 201 && Number(s.marker?.split("-")[1]) % 2 === 0,
      );
      expect(movedOver.length).toBeGreaterThan(0);
      expect(verdict.audit).toEqual({ ok: true, entries: expect.any(Number) });
    } finally {
      await database.close();
    }
  }, 600_000);
});
