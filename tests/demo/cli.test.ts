import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
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

/** Counts in an embedded data directory no server holds. */
async function counts(dataDir: string) {
  const database = await openPGlite(dataDir);
  try {
    const r = await sql<{ bpd: number; patients: number; interventions: number; audit: number }>`
      select (select count(*) from enrolments e join programmes g on g.id = e.programme_id where g.code = 'BPD-LOM')::int as bpd,
        (select count(*) from patients)::int as patients,
        (select count(*) from interventions)::int as interventions,
        (select count(*) from audit_log where action = 'demo_registry')::int as audit`.execute(database.db);
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
    const line = /demo registry \(seed 3\): (\d+) patients, (\d+) interventions/.exec(r.stdout);
    expect(line, r.stdout).not.toBeNull();
    expect(r.stdout).toContain("password praxis-demo");
    const again = praxis(["demo", "--data-dir", dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds data");
    const c = await counts(dataDir);
    expect(c.bpd).toBe(60);
    expect(c.patients).toBe(Number(line![1]));
    expect(c.interventions).toBe(Number(line![2]));
    expect(c.audit).toBe(1);
  }, 120_000);

  it.each([
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
      expect(server.output()).toMatch(/a year of care for \d+ patients/);
      ready = Number(/ready in (\d+) ms/.exec(server.output())![1]);
    } finally {
      await server.stop();
    }
    expect(ready).toBeLessThan(45_000);
    const c = await counts(dataDir);
    expect(c.bpd).toBe(314);
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
      expect(r.stdout).toMatch(/demo registry \(seed 4\): \d+ patients/);
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
