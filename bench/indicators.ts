import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { sql } from "kysely";
import pg from "pg";
import { compile } from "../src/server/indicators/compile.ts";
import {
  BUILT_IN,
  computeProgrammeIndicators,
  executeCompiled,
  loadProgrammeContext,
  QUERY_WORK_MEM,
} from "../src/server/indicators/service.ts";
import { SYSTEM } from "../src/server/infra/audit/audit.ts";
import { type Db, openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import { migrateToLatest } from "../src/server/infra/db/migrate.ts";
import { createUser } from "../src/server/users/create-user.ts";
import { freePort, PRAXIS } from "../tests/support/spawn.ts";
import { load, loginCookie, round, tempDir } from "./support.ts";

/**
 * Issue 4 figures:
 * - the full catalogue for every site of a pilot-size programme on PGlite (target < 300 ms);
 * - the same at region size on PostgreSQL (200,000 patients, 10,000,000 interventions; target
 *   < 5 s), with its ratio to one plain `SELECT site_id, count(*) FROM interventions GROUP BY
 *   site_id` (the floor any engine pays: one scan of the interventions);
 * - GET /api/programmes/:id/indicators with a warm cache under 50 concurrent clients (p95 < 50 ms).
 * The registries are generated here with set-based SQL (insert … select from generate_series),
 * deterministic (setseed). Engine timings bypass the result cache: they run the compiled query.
 * PRAXIS_BENCH_REGION_PATIENTS / _INTERVENTIONS shrink the region for a quick run;
 * PRAXIS_BENCH_KEEP=1 keeps the region database (praxis_bench_indicators) for the next run.
 */
export const PILOT = { areas: 6, sites: 18, patients: 314, interventions: 24_000 };
export const REGION = {
  areas: 12,
  sites: 60,
  patients: Number(process.env.PRAXIS_BENCH_REGION_PATIENTS ?? 200_000),
  interventions: Number(process.env.PRAXIS_BENCH_REGION_INTERVENTIONS ?? 10_000_000),
};
export const AS_OF = "2024-09-30";
const PROGRAMME = "BENCH-P";
const BENCH_USER = "bench.admin";
const BENCH_PASSWORD = "bench-password-1";
const CHUNK = 1_000_000;

type Size = typeof PILOT;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** CPU seconds (user + system) a process has used so far, from /proc; null where unreadable. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are the 14th and 15th fields of the line (11 and 12 after the name), in ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const load1 = () => round(os.loadavg()[0]!, 1);

/** `praxis serve` on a data directory, with its pid (for its CPU time). */
async function serve(dataDir: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [PRAXIS, "serve", "--port", String(port), "--host", "127.0.0.1", "--no-demo", "--data-dir", dataDir],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-4000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`praxis serve exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 120_000) throw new Error(`praxis serve did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await done;
    },
  };
}

/**
 * A registry of `size` in an empty database: areas, sites, one programme at every site (and a
 * second one at a third of them), patients each enrolled once in the first programme (one in ten
 * also in the second), interventions spread from 30 days before enrolment to 14 months after,
 * two assessment records and 1.5 plans per patient, groups and professionals per site.
 */
export async function generateRegistry(db: Db, size: Size): Promise<number> {
  const q = (text: string) => sql.raw(text).execute(db);
  await q("select setseed(0.42)");
  const region = await db
    .insertInto("regions")
    .values({ code: "BENCH", name: "Bench region" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const r = region.id;
  await q(`insert into areas (region_id, code, name)
    select ${r}, 'AREA-' || a, 'Area ' || a from generate_series(1, ${size.areas}) a`);
  await q(`insert into sites (region_id, area_id, code, name)
    select ${r}, (select id from areas where code = 'AREA-' || (1 + (s - 1) % ${size.areas})),
      'SITE-' || lpad(s::text, 3, '0'), 'Site ' || s
    from generate_series(1, ${size.sites}) s`);
  const practice = await db
    .insertInto("practices")
    .values({ code: "BENCH", name: "Bench practice" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("practice_versions")
    .values({
      practice_id: practice.id,
      version: 1,
      definition: JSON.stringify({
        interventionTypes: [{ code: "dbt_individual", label: "Individual DBT", psychosocial: true }],
      }),
    })
    .execute();
  const [p1, p2] = await db
    .insertInto("programmes")
    .values(
      [PROGRAMME, "BENCH-Q"].map((code) => ({
        code,
        name: code,
        practice_id: practice.id,
        practice_version: 1,
        region_id: r,
        parameters: JSON.stringify({}),
        updated_at: new Date(),
      })),
    )
    .returning("id")
    .execute();
  await q(`insert into programme_sites (programme_id, site_id, target_enrolment)
    select ${p1!.id}, id, null from sites where region_id = ${r}
    union all select ${p2!.id}, id, 5 from sites where region_id = ${r} and id % 3 = 0`);
  await q(`insert into patients (code, birth_year, sex, first_contact_date)
    select 'BP' || g, 1950 + floor(random() * 60)::int,
      (array['F','F','M','X','U'])[1 + floor(random() * 5)::int],
      case when random() < 0.8 then date '2016-01-01' + floor(random() * 2900)::int end
    from generate_series(1, ${size.patients}) g`);
  await q(`create table bench_e as
    select row_number() over (order by p.id) as n, p.id as patient_id,
      (select array_agg(id order by code) from sites where region_id = ${r})[1 + floor(random() * ${size.sites})::int] as site_id,
      date '2022-01-01' + floor(random() * 960)::int as enrolment_date, random() as u
    from patients p where p.code like 'BP%'`);
  await q(`insert into enrolments (code, patient_id, programme_id, site_id, enrolment_date, end_date, end_reason,
      primary_diagnosis, case_manager_code)
    select 'BE' || n, patient_id, ${p1!.id}, site_id, enrolment_date,
      case when u < 0.3 then enrolment_date + floor(u * 1500)::int end,
      case when u < 0.15 then 'dropped_out' when u < 0.3 then 'completed' end,
      (array['F60.3','F60.31','F43.1','F32.1',null])[1 + floor(random() * 5)::int],
      case when random() < 0.7 then 'CM' || (n % 500) end
    from bench_e`);
  await q(`insert into enrolments (code, patient_id, programme_id, site_id, enrolment_date)
    select 'BQ' || n, patient_id, ${p2!.id}, site_id, enrolment_date + 30 from bench_e where n % 10 = 0`);
  const types =
    "array['assessment','psychoeducation','skills_training','psychotherapy','family_intervention','job_placement'," +
    "'social_support','psychiatric_visit','nursing','crisis_intervention','case_coordination','other','dbt_individual']";
  for (let from = 1; from <= size.interventions; from += CHUNK) {
    const to = Math.min(size.interventions, from + CHUNK - 1);
    await q(`insert into interventions (code, patient_id, site_id, date, type, setting, recipient)
      select 'BI' || g, e.patient_id, e.site_id, e.enrolment_date + floor(random() * 450 - 30)::int,
        (${types})[1 + floor(random() * 13)::int],
        case when random() < 0.2 then 'group' else 'individual' end,
        case when random() < 0.85 then 'patient' when random() < 0.5 then 'family' else 'patient_and_family' end
      from generate_series(${from}, ${to}) g join bench_e e on e.n = 1 + g % ${size.patients}`);
  }
  await q(`insert into assessments (code, patient_id, date, instrument, respondent)
    select 'BA' || g, e.patient_id, e.enrolment_date + floor(random() * 300 - 90)::int,
      (array['PHQ-9','GAD-7','ZAN-BPD'])[1 + floor(random() * 3)::int], 'patient'
    from generate_series(1, ${size.patients * 2}) g join bench_e e on e.n = 1 + g % ${size.patients}`);
  await q(`insert into treatment_plans (code, patient_id, site_id, created_date, signed_by_patient,
      shared_with_social_services, shared_with_work_inclusion, integrated_actions_started)
    select 'BT' || g, e.patient_id, e.site_id, e.enrolment_date + floor(random() * 200 - 90)::int,
      random() < 0.6, random() < 0.3, random() < 0.2, random() < 0.25
    from generate_series(1, ${Math.round(size.patients * 1.5)}) g join bench_e e on e.n = 1 + g % ${size.patients}`);
  await q(`insert into groups (code, site_id, programme_id, kind, start_date)
    select 'BG' || s.id || '-' || g, s.id, case when random() < 0.5 then ${p1!.id} end,
      (array['dbt_skills','family_connections','imr','psychoeducation','other'])[1 + floor(random() * 5)::int],
      date '2022-01-01' + floor(random() * 1100)::int
    from sites s cross join generate_series(1, 3) g where s.region_id = ${r}`);
  await q(`insert into professionals (code, site_id, profile, in_implementation_team, trained)
    select 'BX' || s.id || '-' || g, s.id, 'nurse', random() < 0.5, random() < 0.5
    from sites s cross join generate_series(1, 12) g where s.region_id = ${r}`);
  await q("drop table bench_e");
  await q("analyze");
  return p1!.id;
}

/** The engine alone: compile the whole catalogue and run its one query (no cache). */
async function timeCatalogue(db: Db, programmeId: number, runs: number) {
  const ctx = await loadProgrammeContext(db, programmeId);
  if (!ctx) throw new Error("no bench programme");
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const compiled = compile([...BUILT_IN], ctx.inputs, { asOf: [AS_OF] });
    const cells = compiled.decode(await executeCompiled(db, compiled.query.compile(db)));
    times.push(performance.now() - t);
    rows = cells[0]!.groups.length + 1;
  }
  return { first: times[0]!, median: median(times.slice(runs > 1 ? 1 : 0)), rows };
}

export async function pilotFigures(out: Record<string, string | number>) {
  const dataDir = tempDir("praxis-bench-indicators");
  try {
    const database = await openPGlite(dataDir);
    let programmeId: number;
    try {
      await migrateToLatest(database.db);
      let t = performance.now();
      programmeId = await generateRegistry(database.db, PILOT);
      out["pilot registry generated (PGlite), ms"] = Math.round(performance.now() - t);
      const counts = await sql<{ p: number; i: number }>`
        select (select count(*) from patients) as p, (select count(*) from interventions) as i`.execute(
        database.db,
      );
      out["pilot registry: sites / patients / interventions"] =
        `${PILOT.sites} / ${counts.rows[0]!.p} / ${counts.rows[0]!.i}`;
      out["pilot: machine load average (1 min) before timing"] = load1();
      const timing = await timeCatalogue(database.db, programmeId, 11);
      out["full catalogue (31 indicators × 18 sites + programme), PGlite, first run ms"] = round(
        timing.first,
      );
      out["full catalogue, PGlite, median of 10 ms (target < 300)"] = round(timing.median);
      t = performance.now();
      await computeProgrammeIndicators(database.db, programmeId, AS_OF);
      await computeProgrammeIndicators(database.db, programmeId, AS_OF);
      const warm: number[] = [];
      for (let i = 0; i < 10; i++) {
        t = performance.now();
        await computeProgrammeIndicators(database.db, programmeId, AS_OF);
        warm.push(performance.now() - t);
      }
      out["full catalogue from the cache (engine call), PGlite, median ms"] = round(median(warm));
      await createUser(database.db, SYSTEM, {
        username: BENCH_USER,
        password: BENCH_PASSWORD,
        grants: [{ role: "administrator", programmeId: null, siteId: null }],
      });
    } finally {
      await database.close();
    }
    const server = await serve(dataDir);
    try {
      const cookie = await loginCookie(server.url, BENCH_USER, BENCH_PASSWORD);
      const url = `${server.url}/api/programmes/${programmeId}/indicators?asOf=${AS_OF}`;
      const first = await fetch(url, { headers: { cookie } });
      if (!first.ok) throw new Error(`indicators API: ${first.status} ${await first.text()}`);
      const size = (await first.text()).length;
      const cpuBefore = cpuSeconds(server.pid);
      const loadBefore = load1();
      const res = await load(url, { cookie }, 50, 10);
      const cpuAfter = cpuSeconds(server.pid);
      out[
        "GET /api/programmes/:id/indicators (warm cache, 31 × 19 records), 50 clients, PGlite: p95 ms (target < 50)"
      ] = res.p95;
      out["… p50 / p99 ms, req/s, errors, response bytes"] =
        `${res.p50} / ${res.p99}, ${res.rps}, ${res.errors}, ${size}`;
      if (cpuBefore !== null && cpuAfter !== null && res.requests > 0) {
        out["… server CPU per request, ms"] = round(((cpuAfter - cpuBefore) * 1000) / res.requests, 2);
      }
      out["… machine load average (1 min) before the run"] = loadBefore;
      // Calibration: the same measure for the cheapest authenticated route on the same server.
      const health = `${server.url}/api/health`;
      const hBefore = cpuSeconds(server.pid);
      const h = await load(health, { cookie }, 50, 5);
      const hAfter = cpuSeconds(server.pid);
      if (hBefore !== null && hAfter !== null && h.requests > 0) {
        out["… calibration, GET /api/health on the same server: p95 ms, CPU per request ms"] =
          `${h.p95}, ${round(((hAfter - hBefore) * 1000) / h.requests, 2)}`;
      }
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The work itself, whatever else the machine runs: CPU seconds of the database backend for the
 * plain scan and for the full catalogue, both run serially (no parallel workers) so that one
 * process does all of it. Only for a server on this machine (/proc of its backend readable).
 */
async function serialCpu(
  url: string,
  programmeId: number,
): Promise<{ scan: number; catalogue: number } | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const database = await openPostgres(url, { poolSize: 1 });
  try {
    const pid = Number((await client.query("select pg_backend_pid() as pid")).rows[0].pid);
    if (cpuSeconds(pid) === null) return null;
    await client.query(
      `set max_parallel_workers_per_gather = 0; set jit = off; set work_mem = '${QUERY_WORK_MEM}'`,
    );
    const ctx = await loadProgrammeContext(database.db, programmeId);
    const compiled = compile([...BUILT_IN], ctx!.inputs, { asOf: [AS_OF] }).query.compile(database.db);
    const measure = async (text: string, params: readonly unknown[]) => {
      const runs: number[] = [];
      for (let i = 0; i < 2; i++) {
        const before = cpuSeconds(pid)!;
        await client.query(text, [...params]);
        runs.push(cpuSeconds(pid)! - before);
      }
      return Math.min(...runs);
    };
    return {
      scan: await measure("select site_id, count(*) from interventions group by site_id", []),
      catalogue: await measure(compiled.sql, compiled.parameters),
    };
  } finally {
    await client.end();
    await database.close();
  }
}

export async function regionFigures(out: Record<string, string | number>) {
  const base = process.env.DATABASE_URL;
  const label = `${REGION.patients.toLocaleString("en")} patients, ${REGION.interventions.toLocaleString("en")} interventions`;
  if (!base) {
    out[`region (${label}), PostgreSQL`] = "skipped: DATABASE_URL not set";
    return;
  }
  const name = "praxis_bench_indicators";
  const keep = process.env.PRAXIS_BENCH_KEEP === "1";
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  const url = new URL(base);
  url.pathname = `/${name}`;
  let reuse = false;
  if (exists && keep) {
    const probe = await openPostgres(url.toString(), { poolSize: 1 });
    try {
      const r = await sql<{ p: number; i: number }>`
        select (select count(*) from patients) as p, (select count(*) from interventions) as i`.execute(
        probe.db,
      );
      reuse = r.rows[0]!.p === REGION.patients && r.rows[0]!.i === REGION.interventions;
    } catch {
      reuse = false;
    } finally {
      await probe.close();
    }
  }
  if (!reuse) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const database = await openPostgres(url.toString(), { poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    let programmeId: number;
    if (reuse) {
      const row = await database.db
        .selectFrom("programmes")
        .select("id")
        .where("code", "=", PROGRAMME)
        .executeTakeFirstOrThrow();
      programmeId = row.id;
      out["region registry: reused (PRAXIS_BENCH_KEEP=1)"] = label;
    } else {
      const t = performance.now();
      programmeId = await generateRegistry(database.db, REGION);
      out[`region registry generated (${label}, ${REGION.sites} sites), PostgreSQL, s`] = round(
        (performance.now() - t) / 1000,
      );
    }
    out["region: machine load average (1 min) before timing"] = load1();
    const cpu = await serialCpu(url.toString(), programmeId);
    if (cpu) {
      out["serial CPU s (one process, no parallel workers): plain scan / full catalogue / ratio"] =
        `${round(cpu.scan, 2)} / ${round(cpu.catalogue, 2)} / ${round(cpu.catalogue / cpu.scan, 1)}`;
    }
    const scan: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      await sql`select site_id, count(*) from interventions group by site_id`.execute(database.db);
      scan.push(performance.now() - t);
    }
    const timing = await timeCatalogue(database.db, programmeId, 4);
    const floor = median(scan.slice(1));
    out["plain SELECT site_id, count(*) FROM interventions GROUP BY site_id, median of 3 ms"] =
      Math.round(floor);
    out[`full catalogue (31 indicators × ${timing.rows - 1} sites + programme), PostgreSQL, first run ms`] =
      Math.round(timing.first);
    out["full catalogue, PostgreSQL, median of 3 ms (target < 5000)"] = Math.round(timing.median);
    out["full catalogue / plain scan (ratio)"] = round(timing.median / floor, 2);
  } finally {
    await database.close();
    if (!keep) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

export async function benchIndicators(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  await pilotFigures(out);
  await regionFigures(out);
  return out;
}
