import fs from "node:fs";
import { sql } from "kysely";
import { type Database, openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import {
  freshPostgres,
  load,
  loginCookie,
  percentile,
  praxis,
  round,
  startServer,
  tempDir,
} from "./support.ts";

/**
 * Issue 3 figure: GET /api/patients/:id/timeline for a patient with 500 interventions (target
 * p95 < 30 ms), on the demo region, through a real `praxis serve`, as the clinician of the
 * patient's site would ask for it (one request at a time: the page loads it once), and under 10
 * concurrent clients for the spread. The 500 interventions are added to one demo patient with
 * one set-based insert (every day of its first 250 days of care, two a day).
 */
const INTERVENTIONS = 500;
const SEQUENTIAL = 300;

async function addInterventions(database: Database): Promise<number> {
  const db = database.db;
  const target = await db
    .selectFrom("enrolments")
    .select(["patient_id", "site_id", "enrolment_date"])
    .orderBy("id")
    .limit(1)
    .executeTakeFirstOrThrow();
  await sql`
    insert into interventions (code, patient_id, site_id, date, type, setting, recipient)
    select 'BENCH-TL-' || n, ${target.patient_id}, ${target.site_id},
           ${target.enrolment_date}::date + (n / 2), case when n % 2 = 0 then 'psychotherapy' else 'nursing' end,
           'individual', 'patient'
    from generate_series(1, ${INTERVENTIONS}) as n`.execute(db);
  return target.patient_id;
}

async function measure(env: Record<string, string>, args: string[], patientId: number) {
  const server = await startServer(args, env);
  try {
    const cookie = await loginCookie(server.url, "admin", "praxis-demo-login");
    const url = `${server.url}/api/patients/${patientId}/timeline`;
    const first = await fetch(url, { headers: { cookie } });
    if (!first.ok) throw new Error(`timeline: ${first.status} ${await first.text()}`);
    const body = (await first.json()) as { events: unknown[] };
    for (let i = 0; i < 20; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const concurrent = await load(url, { cookie }, 10, 5);
    return {
      events: body.events.length,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
      concurrent,
    };
  } finally {
    await server.stop();
  }
}

export async function benchTimeline(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const dataDir = tempDir("praxis-bench-timeline");
  try {
    const seeded = praxis(["demo", "--data-dir", dataDir]);
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    const database = await openPGlite(dataDir);
    let patientId: number;
    try {
      patientId = await addInterventions(database);
    } finally {
      await database.close();
    }
    const r = await measure({}, ["--data-dir", dataDir, "--no-demo"], patientId);
    out[
      `timeline, ${r.events} events (${INTERVENTIONS} interventions), PGlite: p95 ms, one client (target < 30)`
    ] = r.p95;
    out["… PGlite: p50 / p99 ms, one client"] = `${r.p50} / ${r.p99}`;
    out["… PGlite: 10 clients p50 / p95 ms, req/s"] =
      `${r.concurrent.p50} / ${r.concurrent.p95}, ${r.concurrent.rps}`;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const pgdb = await freshPostgres("praxis_bench_timeline");
  if (!pgdb) {
    out["timeline, PostgreSQL"] = "skipped: DATABASE_URL not set";
    return out;
  }
  try {
    const seeded = praxis(["demo"], { DATABASE_URL: pgdb.url });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    const database = await openPostgres(pgdb.url, { poolSize: 1 });
    let patientId: number;
    try {
      patientId = await addInterventions(database);
    } finally {
      await database.close();
    }
    const r = await measure({ DATABASE_URL: pgdb.url }, ["--no-demo"], patientId);
    out["timeline, 500 interventions, PostgreSQL: p95 ms, one client (target < 30)"] = r.p95;
    out["… PostgreSQL: p50 / p99 ms, one client"] = `${r.p50} / ${r.p99}`;
    out["… PostgreSQL: 10 clients p50 / p95 ms, req/s"] =
      `${r.concurrent.p50} / ${r.concurrent.p95}, ${r.concurrent.rps}`;
  } finally {
    await pgdb.drop();
  }
  return out;
}
