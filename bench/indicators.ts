import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import {
  BUILT_IN,
  computeCells,
  findProgrammeId,
  loadProgrammeContext,
} from "../src/server/indicators/service.ts";
import { type Db, openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import { addDays, addMonths, monthEnd, today } from "../src/server/infra/time/civil-date.ts";
import { PRAXIS } from "../tests/support/spawn.ts";
import { loginCookie, mean, percentile, round, startServer, tempDir } from "./support.ts";

/**
 * Issue 9 figures, on the product's own data (`praxis demo`), each next to the load average:
 * - pilot (default demo), PGlite: the catalogue fresh after a write (target < 50 ms);
 * - region (`--patients 200000`), PostgreSQL: the catalogue fresh right after a write (≤ 1 s) as
 *   a ratio to one bare `GROUP BY site_id` scan of the interventions in the same run (< 1), the
 *   API's `GET …/indicators` right after a write with one client (≤ 1 s), a monthly trend of one
 *   indicator over 24 months (≤ 1 s), and what keeping facts costs: p95 of recording one
 *   intervention through the API with and without the facts triggers (≤ +2 ms) and the time of
 *   importing 1M interventions with and without them (≤ +30 %);
 * - region on PGlite (PRAXIS_BENCH_PGLITE_REGION=1; ≤ 3 s);
 * - nation (PRAXIS_BENCH_NATION=1: `--patients 2000000 --interventions-per-patient 25`; ≤ 5 s),
 *   with the database size.
 * PRAXIS_BENCH_KEEP=1 keeps the big databases (praxis_bench_region, praxis_bench_nation, and the
 * PGlite region in .tmp/bench-region-pglite) for the next run; PRAXIS_BENCH_REGION_PATIENTS
 * shrinks the region for a quick run; PRAXIS_BENCH_STAGES (a comma list of pilot, region-postgres,
 * import-postgres, region-pglite, nation) runs only those stages, so the long ones can be run on their own.
 */
const REGION_PATIENTS = Number(process.env.PRAXIS_BENCH_REGION_PATIENTS ?? 200_000);
const NATION_PATIENTS = Number(process.env.PRAXIS_BENCH_NATION_PATIENTS ?? 2_000_000);
const KEEP = process.env.PRAXIS_BENCH_KEEP === "1";
const PROGRAMME = "BPD-LOM";
const RUNS = 9;

type Out = Record<string, string | number>;
const load1 = () => round(os.loadavg()[0]!, 1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (t: number) => Math.round(performance.now() - t);

/**
 * Run the CLI to completion (no time limit: a region demo takes minutes). DATABASE_URL is never
 * inherited: a command names its database with --database-url or --data-dir.
 */
function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0", ...extraEnv };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PRAXIS, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A PostgreSQL database named `name` holding `praxis demo ARGS`, reused when kept and complete. */
async function demoDatabase(
  name: string,
  demoArgs: string[],
  out: Out,
  label: string,
): Promise<string | null> {
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const u = new URL(base);
  u.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    if (exists && KEEP) {
      const probe = new pg.Client({ connectionString: u.toString() });
      await probe.connect();
      try {
        const r = await probe.query(
          "select (select count(*) from audit_log where action = 'demo_registry')::int as done, (select count(*) from patients)::int as patients",
        );
        if (r.rows[0].done === 1) {
          out[`${label}: database reused (PRAXIS_BENCH_KEEP=1), patients`] = r.rows[0].patients;
          return u.toString();
        }
      } catch {
        /* incomplete: rebuild */
      } finally {
        await probe.end();
      }
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const t = performance.now();
  const r = await cli(["demo", ...demoArgs, "--database-url", u.toString()]);
  if (r.code !== 0) throw new Error(`praxis demo failed: ${r.out}`);
  out[`${label}: praxis demo ${demoArgs.join(" ")}, s (load ${load1()})`] = round(ms(t) / 1000);
  return u.toString();
}

/** A registry write that touches the facts: one intervention for an enrolled patient, in its care period. */
async function writeOne(db: Db, programmeId: number, i: number): Promise<void> {
  await sql`
    insert into interventions (code, patient_id, site_id, date, type, setting, recipient)
    select 'BENCH-' || ${String(Date.now())} || '-' || ${i}, e.patient_id, e.site_id,
      least(coalesce(e.end_date, e.enrolment_date + 30), e.enrolment_date + 30), 'psychoeducation', 'individual', 'patient'
    from enrolments e where e.programme_id = ${programmeId}
    order by e.id offset ${(i * 7919) % 1000} limit 1`.execute(db);
}

/**
 * The as-of date of the figures: today in the region's calendar — what the dashboard shows by
 * default, the demo's data running to yesterday — or the data's last day when the database is
 * older than that (a region kept from an earlier day).
 */
async function dataEnd(db: Db): Promise<string> {
  const { rows } = await sql<{ d: string }>`select max(date)::text as d from interventions`.execute(db);
  const last = rows[0]?.d;
  return last && addDays(last, 1) < today() ? last : today();
}

/** Catalogue from the facts right after a write, RUNS times; and the bare scan in the same run. */
async function catalogueAfterWrites(db: Db, out: Out, label: string, withScan: boolean) {
  const programmeId = (await findProgrammeId(db, PROGRAMME))!;
  const asOf = await dataEnd(db);
  // The first catalogues of a process also compile the query builders and warm V8; a serving
  // process has done that long before a user's write, so the first is reported apart and the
  // next two (each after a write) are not counted.
  const first = performance.now();
  await computeCells(db, (await loadProgrammeContext(db, programmeId))!, [...BUILT_IN], { asOf: [asOf] });
  out[`${label}: first catalogue of the process (cold, not after a write) ms`] = Math.round(
    performance.now() - first,
  );
  for (let i = 0; i < 2; i++) {
    await writeOne(db, programmeId, RUNS + i);
    await computeCells(db, (await loadProgrammeContext(db, programmeId))!, [...BUILT_IN], { asOf: [asOf] });
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await writeOne(db, programmeId, i);
    const t = performance.now();
    const ctx = (await loadProgrammeContext(db, programmeId))!;
    await computeCells(db, ctx, [...BUILT_IN], { asOf: [asOf] });
    times.push(performance.now() - t);
  }
  const catalogue = median(times);
  out[
    `${label}: catalogue fresh after a write (31 indicators, every site), median of ${RUNS} ms / max (load ${load1()})`
  ] = `${Math.round(catalogue)} / ${Math.round(Math.max(...times))}`;
  if (!withScan) return { catalogue, asOf, programmeId };
  const scan: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await sql`select site_id, count(*) from interventions group by site_id`.execute(db);
    scan.push(performance.now() - t);
  }
  const floor = median(scan);
  out[`${label}: bare SELECT site_id, count(*) FROM interventions GROUP BY site_id, median of 3 ms`] =
    Math.round(floor);
  out[`${label}: catalogue after a write / bare scan (ratio; target < 1)`] = round(catalogue / floor, 3);
  return { catalogue, asOf, programmeId };
}

/** A monthly trend of one indicator over 24 months ending at `asOf`, each site and the programme. */
async function trends(db: Db, programmeId: number, asOf: string, out: Out, label: string) {
  const ctx = (await loadProgrammeContext(db, programmeId))!;
  const months = Array.from({ length: 24 }, (_, i) => monthEnd(addMonths(asOf, i - 23)));
  months[23] = asOf;
  for (const id of ["intensive_start", "interventions", "psychosocial_per_patient"]) {
    const d = BUILT_IN.find((x) => x.id === id)!;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await writeOne(db, programmeId, 100 + i);
      const t = performance.now();
      await computeCells(db, ctx, [d], { asOf: months });
      times.push(performance.now() - t);
    }
    out[`${label}: monthly trend of ${id} over 24 months, after a write, median of 3 ms (target ≤ 1000)`] =
      Math.round(median(times));
  }
}

/** GET …/indicators through the API right after a write through the API, one client. */
async function apiAfterWrites(url: string, programmeId: number, asOf: string, out: Out, label: string) {
  const server = await startServer([], { DATABASE_URL: url });
  try {
    const cookie = await loginCookie(server.url, "admin", "praxis-demo-login");
    const session = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    const csrf = (await session.json()).csrfToken as string;
    const { rows } = await (async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return await c.query(
          "select patient_id, site_id, enrolment_date::text as d from enrolments where programme_id = $1 order by id limit 50",
          [programmeId],
        );
      } finally {
        await c.end();
      }
    })();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const e = rows[i % rows.length]!;
      const w = await fetch(`${server.url}/api/interventions`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: JSON.stringify({
          patientId: e.patient_id,
          siteId: e.site_id,
          date: addDays(e.d, 10 + i),
          type: "psychotherapy",
        }),
      });
      if (w.status !== 201) throw new Error(`write: ${w.status} ${await w.text()}`);
      const t = performance.now();
      const r = await fetch(`${server.url}/api/programmes/${programmeId}/indicators?asOf=${asOf}`, {
        headers: { cookie },
      });
      await r.text();
      if (!r.ok) throw new Error(`indicators: ${r.status}`);
      times.push(performance.now() - t);
    }
    out[
      `${label}: API GET …/indicators right after an API write, one client, median of ${RUNS} ms / max (target ≤ 1000)`
    ] = `${Math.round(median(times))} / ${Math.round(Math.max(...times))}`;
  } finally {
    await server.stop();
  }
}

const FACTS_TRIGGERS = [
  "interventions_facts_ins",
  "interventions_facts_upd",
  "interventions_facts_del",
  "assessments_facts_ins",
  "assessments_facts_upd",
  "assessments_facts_del",
  "treatment_plans_facts_ins",
  "treatment_plans_facts_upd",
  "treatment_plans_facts_del",
  "patients_facts_upd",
  "enrolments_facts_ins",
  "enrolments_facts_upd",
  "enrolments_facts_del",
];

/**
 * A database that keeps no facts: the triggers dropped, and the maintenance an import calls at
 * its end (refresh or rebuild) made to do nothing — the baseline of what keeping facts costs.
 */
/** An import's traced steps of 0.1 s or more, as "step s" (`praxis import` with PRAXIS_IMPORT_TRACE). */
function importSteps(out: string): string {
  return [...out.matchAll(/^ {2}(.+): (\d+) ms, rss/gm)]
    .filter((m) => Number(m[2]) >= 100)
    .map((m) => `${m[1]} ${round(Number(m[2]) / 1000)}`)
    .join(", ");
}

async function dropFactsTriggers(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const t of FACTS_TRIGGERS) await c.query(`drop trigger ${t} on ${t.replace(/_facts_\w+$/, "")}`);
    await c.query(
      "create or replace function indicator_refresh_patients(patients integer[]) returns void language sql as ''",
    );
    await c.query(
      "create or replace function indicator_rebuild_programme(pid integer) returns void language sql as ''",
    );
    await c.query(
      "create or replace function indicator_rebuild_programme_from_pass(pid integer) returns void language sql as ''",
    );
  } finally {
    await c.end();
  }
}

/** Writes per round of the API write p95, after 20 not counted. */
const WRITES = 400;
/** Rounds of the API write p95, with and without facts taking turns. */
const WRITE_ROUNDS = 5;

/**
 * The enrolments the write figures record care for: 200 of the programme whose first 60 days are
 * over (the demo's data runs to yesterday); write i goes to enrolment i mod 200, i mod 60 days in.
 */
async function writeTargets(c: pg.Client, programmeId: number) {
  const { rows } = await c.query<{ patient_id: number; site_id: number; d: string }>(
    "select patient_id, site_id, enrolment_date::text as d from enrolments where programme_id = $1 and enrolment_date < current_date - 61 order by id limit 200",
    [programmeId],
  );
  return rows;
}

/** p95 of recording one intervention through the API, one client, WRITES writes. */
async function writeP95(url: string, programmeId: number): Promise<number> {
  const server = await startServer([], { DATABASE_URL: url });
  try {
    const cookie = await loginCookie(server.url, "admin", "praxis-demo-login");
    const csrf = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json())
      .csrfToken as string;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = await writeTargets(c, programmeId);
    await c.end();
    const times: number[] = [];
    for (let i = 0; i < WRITES + 20; i++) {
      const e = rows[i % rows.length]!;
      const t = performance.now();
      const w = await fetch(`${server.url}/api/interventions`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: JSON.stringify({
          patientId: e.patient_id,
          siteId: e.site_id,
          date: addDays(e.d, i % 60),
          type: "nursing",
        }),
      });
      const body = await w.text();
      if (w.status !== 201) throw new Error(`write: ${w.status} ${body}`);
      if (i >= 20) times.push(performance.now() - t);
    }
    return percentile(
      times.sort((a, b) => a - b),
      95,
    );
  } finally {
    await server.stop();
  }
}

const INSERTS = 1500;

/**
 * Latencies (sorted, ms) of INSERTS single-row inserts of a nursing visit into the care period of
 * one of 200 enrolments, each its own transaction, from one connection, after 50 not counted; the
 * rows are deleted afterwards.
 */
async function insertLatencies(url: string, programmeId: number): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = await writeTargets(c, programmeId);
    const times: number[] = [];
    for (let i = 0; i < INSERTS + 50; i++) {
      const e = rows[i % rows.length]!;
      const t = performance.now();
      await c.query({
        name: "bench_insert",
        text: "insert into interventions (code, patient_id, site_id, date, type, setting, recipient) values ($1, $2, $3, $4, 'nursing', 'individual', 'patient')",
        values: [`BENCH-INS-${i}`, e.patient_id, e.site_id, addDays(e.d, i % 60)],
      });
      if (i >= 50) times.push(performance.now() - t);
    }
    await c.query("delete from interventions where code like 'BENCH-INS-%'");
    return times.sort((a, b) => a - b);
  } finally {
    await c.end();
  }
}

/** A PostgreSQL database of the bench next to DATABASE_URL's, and its URL. */
function benchUrl(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/** What keeping facts costs a write: in the database and through the API, with and without the triggers. */
async function writeCost(regionUrl: string, programmeId: number, out: Out) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await admin.connect();
  const without = "praxis_bench_cost_without";
  const regionName = new URL(regionUrl).pathname.slice(1);
  try {
    // API writes: the region with facts, and a copy of it without the triggers.
    await admin.query(`drop database if exists ${without} with (force)`);
    await admin.query(`create database ${without} template ${regionName}`);
    await dropFactsTriggers(benchUrl(without));
    // What the triggers add inside the database, without HTTP and Node: one connection, single
    // inserts as an API write makes them, each its own transaction.
    const inDb: Array<[number[], number[]]> = [];
    for (let r = 0; r < 2; r++) {
      inDb.push([
        await insertLatencies(regionUrl, programmeId),
        await insertLatencies(benchUrl(without), programmeId),
      ]);
    }
    out[
      `region: one-row INSERT INTO interventions in its own transaction, one connection, ${INSERTS} each, mean / p95 ms with facts → without, two alternating rounds (load ${load1()})`
    ] = inDb
      .map(
        ([w, n]) =>
          `${round(mean(w), 2)} / ${round(percentile(w, 95), 2)} → ${round(mean(n), 2)} / ${round(percentile(n, 95), 2)}`,
      )
      .join("; ");
    // One client's p95 drifts by milliseconds from one run to the next, so the two databases
    // take turns, WRITE_ROUNDS rounds, and the difference reported is the median of the rounds'.
    const rounds: Array<[number, number]> = [];
    for (let r = 0; r < WRITE_ROUNDS; r++) {
      const withFacts = await writeP95(regionUrl, programmeId);
      const withoutFacts = await writeP95(benchUrl(without), programmeId);
      rounds.push([withFacts, withoutFacts]);
    }
    out[
      `region: API POST /api/interventions, one client, p95 of ${WRITES} ms with facts / without, ${WRITE_ROUNDS} alternating rounds (load ${load1()})`
    ] = rounds.map(([w, n]) => `${round(w)} / ${round(n)}`).join("; ");
    out["region: … median of the rounds' differences, ms (target ≤ +2)"] = round(
      median(rounds.map(([w, n]) => w - n)),
    );
  } finally {
    await admin.query(`drop database if exists ${without} with (force)`);
    await admin.end();
  }
}

/** Rounds of the import with and without facts, the order alternating. */
const IMPORT_ROUNDS = 3;

/**
 * What keeping facts costs an import: an extract of about 1M interventions (a demo of its own,
 * exported) into an empty demo structure, with and without the triggers, IMPORT_ROUNDS rounds;
 * and the first writes after it (the import renews the planner statistics: without them each
 * took 84 ms, docs/benchmarks.md).
 */
async function importCost(out: Out) {
  if (!process.env.DATABASE_URL) {
    out["import with and without facts"] = "skipped: DATABASE_URL not set";
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const names = {
    with: "praxis_bench_cost_with",
    without: "praxis_bench_cost_without",
    src: "praxis_bench_cost_src",
  };
  const renew = async (...list: string[]) => {
    for (const n of list) {
      await admin.query(`drop database if exists ${n} with (force)`);
      await admin.query(`create database ${n}`);
    }
  };
  const dir = tempDir("praxis-bench-facts-import");
  try {
    await renew(...Object.values(names));
    const src = await cli([
      "demo",
      "--patients",
      "12000",
      "--seed",
      "7",
      "--database-url",
      benchUrl(names.src),
    ]);
    if (src.code !== 0) throw new Error(`demo: ${src.out}`);
    const exp = await cli(["export", dir, "--programme", PROGRAMME, "--database-url", benchUrl(names.src)]);
    if (exp.code !== 0) throw new Error(`export: ${exp.out}`);
    const lines = fs.readFileSync(path.join(dir, "interventions.csv"), "utf8").split("\n").length - 2;
    const timeImport = async (name: string, drop: boolean) => {
      const r = await cli(["demo", "--patients", "0", "--database-url", benchUrl(name)]);
      if (r.code !== 0) throw new Error(`demo 0: ${r.out}`);
      if (drop) await dropFactsTriggers(benchUrl(name));
      // Each import starts with the dirty buffers of what came before written out, so neither
      // side pays for the other's past.
      await admin.query("checkpoint");
      const t = performance.now();
      const imp = await cli(["import", dir, "--database-url", benchUrl(name)], { PRAXIS_IMPORT_TRACE: "1" });
      if (imp.code !== 0) throw new Error(`import: ${imp.out}`);
      const took = ms(t);
      steps.push(`${drop ? "without" : "with"} ${round(took / 1000)}: ${importSteps(imp.out)}`);
      return took;
    };
    // where each import's time went, in the order they ran
    const steps: string[] = [];
    // Rounds in turn (with, without; without, with; …), each into databases made anew: the
    // first import of a pair pays for what the previous step left (a cold cache).
    const runs: Array<[number, number]> = [];
    let afterImport: number[] = [];
    for (let r = 0; r < IMPORT_ROUNDS; r++) {
      const withFirst = r % 2 === 0;
      const first = await timeImport(withFirst ? names.with : names.without, !withFirst);
      const second = await timeImport(withFirst ? names.without : names.with, withFirst);
      runs.push(withFirst ? [first, second] : [second, first]);
      if (r === 0) {
        // the first writes after the import, before anything else touched the database
        const c = new pg.Client({ connectionString: benchUrl(names.with) });
        await c.connect();
        const { rows } = await c.query<{ id: number }>("select id from programmes where code = $1", [
          PROGRAMME,
        ]);
        await c.end();
        afterImport = await insertLatencies(benchUrl(names.with), rows[0]!.id);
      }
      await renew(names.with, names.without);
    }
    const increase = ([w, n]: [number, number]) => `${round((100 * (w - n)) / n)} %`;
    out[
      `import of ${lines.toLocaleString("en")} interventions (whole extract), PostgreSQL, s with facts / without: increase, ${IMPORT_ROUNDS} rounds in turn (target ≤ +30 %) (load ${load1()})`
    ] = runs.map(([w, n]) => `${round(w / 1000)} / ${round(n / 1000)}: +${increase([w, n])}`).join("; ");
    const total: [number, number] = [runs.reduce((a, [w]) => a + w, 0), runs.reduce((a, [, n]) => a + n, 0)];
    out["… increase of the rounds together (target ≤ +30 %)"] = `+${increase(total)}`;
    out["… each import, s in all: its longer steps, s (PRAXIS_IMPORT_TRACE)"] = steps.join("; ");
    out[
      `right after that import (with facts): one-row INSERT INTO interventions in its own transaction, ${INSERTS}, mean / p95 ms`
    ] = `${round(mean(afterImport), 2)} / ${round(percentile(afterImport, 95), 2)}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const n of Object.values(names)) await admin.query(`drop database if exists ${n} with (force)`);
    await admin.end();
  }
}

async function pilot(out: Out) {
  const dir = tempDir("praxis-bench-pilot");
  try {
    const r = await cli(["demo", "--data-dir", dir]);
    if (r.code !== 0) throw new Error(`demo: ${r.out}`);
    const database = await openPGlite(dir);
    try {
      await catalogueAfterWrites(database.db, out, "pilot (default demo), PGlite (target < 50)", false);
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function regionPostgres(out: Out) {
  const url = await demoDatabase(
    "praxis_bench_region",
    ["--patients", String(REGION_PATIENTS)],
    out,
    "region",
  );
  if (!url) {
    out.region = "skipped: DATABASE_URL not set";
    return;
  }
  const database = await openPostgres(url, { poolSize: 4 });
  let programmeId: number;
  let asOf: string;
  try {
    const r = await catalogueAfterWrites(database.db, out, "region, PostgreSQL (target ≤ 1000)", true);
    programmeId = r.programmeId;
    asOf = r.asOf;
    await trends(database.db, programmeId, asOf, out, "region, PostgreSQL");
  } finally {
    await database.close();
  }
  await apiAfterWrites(url, programmeId, asOf, out, "region, PostgreSQL");
  await writeCost(url, programmeId, out);
  if (!KEEP) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query("drop database if exists praxis_bench_region with (force)");
    await admin.end();
  }
}

async function regionPGlite(out: Out) {
  if (process.env.PRAXIS_BENCH_PGLITE_REGION !== "1") {
    out["region, PGlite"] =
      "skipped (PRAXIS_BENCH_PGLITE_REGION=1 runs it: the demo takes long to build on PGlite)";
    return;
  }
  const dir = path.resolve(".tmp/bench-region-pglite");
  const done = path.join(dir, ".praxis-demo-done");
  if (!(KEEP && fs.existsSync(done))) {
    fs.rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    const r = await cli(["demo", "--patients", String(REGION_PATIENTS), "--data-dir", dir]);
    if (r.code !== 0) throw new Error(`demo: ${r.out}`);
    fs.writeFileSync(done, new Date().toISOString());
    out[`region, PGlite: praxis demo --patients ${REGION_PATIENTS}, s`] = round(ms(t) / 1000);
  }
  const database = await openPGlite(dir);
  try {
    await catalogueAfterWrites(database.db, out, "region, PGlite (target ≤ 3000)", true);
  } finally {
    await database.close();
  }
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
}

async function nation(out: Out) {
  if (process.env.PRAXIS_BENCH_NATION !== "1") {
    out.nation = "skipped (PRAXIS_BENCH_NATION=1 runs it: building 2M patients takes long)";
    return;
  }
  const url = await demoDatabase(
    "praxis_bench_nation",
    ["--patients", String(NATION_PATIENTS), "--interventions-per-patient", "25"],
    out,
    "nation",
  );
  if (!url) return;
  const database = await openPostgres(url, { poolSize: 4 });
  try {
    const size = await sql<{ size: string; iv: number }>`
      select pg_size_pretty(pg_database_size(current_database())) as size,
        (select count(*)::float8 from interventions) as iv`.execute(database.db);
    out[`nation: ${new Date().toISOString().slice(0, 10)}, database size, interventions`] =
      `${size.rows[0]!.size}, ${Number(size.rows[0]!.iv).toLocaleString("en")}`;
    await catalogueAfterWrites(database.db, out, "nation, PostgreSQL (target ≤ 5000)", true);
  } finally {
    await database.close();
  }
  if (!KEEP) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query("drop database if exists praxis_bench_nation with (force)");
    await admin.end();
  }
}

export async function benchIndicators(): Promise<Out> {
  const out: Out = {};
  out["machine load average (1 min) at start"] = load1();
  // a stage that fails says so and the others still report (a region takes minutes to build)
  const only = process.env.PRAXIS_BENCH_STAGES?.split(",").map((s) => s.trim());
  for (const [key, name, stage] of [
    ["pilot", "pilot", pilot],
    ["region-postgres", "region, PostgreSQL", regionPostgres],
    ["import-postgres", "import with and without facts", importCost],
    ["region-pglite", "region, PGlite", regionPGlite],
    ["nation", "nation", nation],
  ] as const) {
    if (only && !only.includes(key)) continue;
    try {
      await stage(out);
    } catch (e) {
      out[`${name}: FAILED`] = e instanceof Error ? e.message : String(e);
    }
  }
  return out;
}
