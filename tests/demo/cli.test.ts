import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoToday } from "../../src/server/demo/as-of.ts";
import { openPGlite } from "../../src/server/infra/db/database.ts";
import { praxis, startServer } from "../support/spawn.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-demo-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Counts in an embedded data directory no server holds. */
async function counts(dataDir: string) {
  const database = await openPGlite(dataDir);
  try {
    const r = await sql<{
      bpd: number;
      patients: number;
      interventions: number;
      audit: number;
      last: string;
      phases: string[];
      artefacts: number;
      rounds: number;
      reviews: number;
      courses: number;
    }>`
      select (select count(*) from enrolments e join programmes g on g.id = e.programme_id where g.code = 'BPD-LOM')::int as bpd,
        (select count(*) from patients)::int as patients,
        (select count(*) from interventions)::int as interventions,
        (select count(*) from audit_log where action = 'demo_registry')::int as audit,
        (select max(date)::text from interventions) as last,
        (select count(*) from planning_artefacts where current_version > 0)::int as artefacts,
        (select count(*) from planning_rounds)::int as rounds,
        (select count(*) from fidelity_reviews)::int as reviews,
        (select count(*) from training_courses)::int as courses,
        (select array_agg(g.code || ' ' || ph.phase || ' ' || ph.start_date || ' ' || coalesce(ph.end_date::text, '-')
           order by g.code, ph.start_date)
         from programme_phases ph join programmes g on g.id = ph.programme_id) as phases`.execute(
      database.db,
    );
    return r.rows[0]!;
  } finally {
    await database.close();
  }
}

/** The commands on the embedded database (the PostgreSQL project covers the COPY writer elsewhere). */
describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("praxis demo and the first start", () => {
  it("generates N patients with a seed, reports what it wrote, and refuses a non-empty database", async () => {
    const dataDir = tempDir();
    const r = praxis(["demo", "--patients", "60", "--seed", "3", "--data-dir", dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const line =
      /demo registry \(seed 3, as of (\d{4}-\d\d-\d\d)\): (\d+) patients, (\d+) interventions/.exec(r.stdout);
    expect(line, r.stdout).not.toBeNull();
    expect(r.stdout).toContain("password praxis-demo-login");
    const again = praxis(["demo", "--data-dir", dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds data");
    const c = await counts(dataDir);
    expect(c.bpd).toBe(60);
    // and what the teams produced: plans, questionnaire rounds, reviews, courses
    expect(r.stdout).toMatch(/demo artefacts: \d+ planning versions, 2 questionnaire rounds/);
    expect(c.artefacts).toBeGreaterThan(50);
    expect([c.rounds, c.courses]).toEqual([2, 4]);
    expect(c.reviews).toBeGreaterThan(10);
    // made today in the region's calendar, with data to yesterday
    expect(line![1]).toBe(demoToday());
    // the registry's patients, and those the artefacts registered as having declined an offer
    const declined = /(\d+) patients who declined an offer/.exec(r.stdout);
    expect(declined, r.stdout).not.toBeNull();
    expect(c.patients).toBe(Number(line![2]) + Number(declined![1]));
    expect(c.interventions).toBe(Number(line![3]));
    expect(c.audit).toBe(1);
    expect(c.last).toBe(dayBefore(demoToday()));
  }, 120_000);

  it("pins the day with --as-of and sets the intensity with --interventions-per-patient", async () => {
    const dataDir = tempDir();
    const r = praxis([
      "demo",
      "--patients",
      "300",
      "--interventions-per-patient",
      "25",
      "--as-of",
      "2025-03-10",
      "--data-dir",
      dataDir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("as of 2025-03-10");
    const c = await counts(dataDir);
    expect(c.last).toBe("2025-03-09");
    expect(c.phases).toEqual([
      "BPD-LOM pre_implementation 2022-03-01 2022-11-30",
      "BPD-LOM implementation 2022-12-01 2023-11-30",
      "BPD-LOM sustainability 2023-12-01 -",
      "IMR-LOM pre_implementation 2022-06-01 2023-05-31",
      "IMR-LOM implementation 2023-06-01 -",
    ]);
    // about 25 per patient of --patients (a trial run sets the rate; 300 patients vary around it)
    expect(c.interventions / 300).toBeGreaterThan(20);
    expect(c.interventions / 300).toBeLessThan(30);
  }, 120_000);

  it.each([
    [["--as-of", "2025-02-30"], "--as-of 2025-02-30 is not a day of the calendar"],
    [["--as-of", "10/03/2025"], "--as-of must be a date written YYYY-MM-DD"],
    [["--interventions-per-patient", "0"], "--interventions-per-patient must be a whole number from 1 to"],
    [["--interventions-per-patient", "2.5"], "--interventions-per-patient must be a whole number"],
    [["--patients", "many"], "--patients must be a whole number"],
    [["--patients=-5"], "--patients must be a whole number"],
    [["--patients", "3000000"], "--patients must be a whole number from 0 to"],
    [["--seed", "1.5"], "--seed must be a whole number"],
  ])("refuses bad options %j", (args, message) => {
    const r = praxis(["demo", ...args, "--data-dir", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("creates the default registry on the first start of the embedded database", async () => {
    const dataDir = tempDir();
    const server = await startServer(["--data-dir", dataDir]);
    let ready: number;
    try {
      expect(server.output()).toMatch(/care for \d+ patients up to yesterday/);
      ready = Number(/ready in (\d+) ms/.exec(server.output())![1]);
    } finally {
      await server.stop();
    }
    expect(ready).toBeLessThan(45_000);
    const c = await counts(dataDir);
    expect(c.bpd).toBe(314);
    expect(c.artefacts).toBeGreaterThan(50);
    expect([c.rounds, c.courses]).toEqual([2, 4]);
    expect(c.interventions).toBeGreaterThan(20_000);
  }, 120_000);
});

/** `praxis demo` on a PostgreSQL server streams the registry with COPY into a fresh database. */
describe.runIf(process.env.PRAXIS_TEST_DB === "postgres")("praxis demo on PostgreSQL", () => {
  it("writes the registry with COPY and refuses a second run", async () => {
    const base = process.env.DATABASE_URL!;
    const name = `praxis_demo_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const r = praxis(["demo", "--patients", "80", "--seed", "4"], { DATABASE_URL: url.toString() });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/demo registry \(seed 4, as of \d{4}-\d\d-\d\d\): \d+ patients/);
      expect(praxis(["demo"], { DATABASE_URL: url.toString() }).stderr).toContain("already holds data");
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const counts = await c.query(
        "select (select count(*) from enrolments e join programmes g on g.id = e.programme_id where g.code = 'BPD-LOM')::int as bpd, (select count(*) from pg_constraint where not convalidated)::int as unvalidated",
      );
      await c.end();
      expect(counts.rows[0]).toEqual({ bpd: 80, unvalidated: 0 });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
