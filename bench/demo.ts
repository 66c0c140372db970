import fs from "node:fs";
import {
  DEFAULT_INTERVENTIONS_PER_PATIENT,
  type DemoRegistrySummary,
  generateDemoRegistry,
} from "../src/server/demo/registry/index.ts";
import { seedDemoRegion } from "../src/server/demo/seed-region.ts";
import { SYSTEM } from "../src/server/infra/audit/audit.ts";
import { openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import { migrateToLatest } from "../src/server/infra/db/migrate.ts";
import { freshPostgres, loadAverage, runBenchChild, tempDir } from "./support.ts";

/**
 * Figures for the demo generator: the default demo (314 BPD patients) on PGlite, as the first
 * start writes it, and the region-scale data set (`--patients 200000`, override with
 * DEMO_BENCH_PATIENTS; `DEMO_BENCH_PER_PATIENT` interventions per patient, default 81 — 25 with
 * 2,000,000 patients is the nation) streamed into a fresh PostgreSQL database with COPY (target:
 * under 5 minutes on an idle machine). Each run is a child process of its own, so its peak
 * memory is its own. The demo's day is pinned, so runs are comparable.
 */
const REGION_PATIENTS = Number(process.env.DEMO_BENCH_PATIENTS ?? 200_000);
const PER_PATIENT = Number(process.env.DEMO_BENCH_PER_PATIENT ?? DEFAULT_INTERVENTIONS_PER_PATIENT);
const AS_OF = "2026-06-15";

interface ChildResult {
  summary: DemoRegistrySummary;
  structureMs: number;
  /** peak RSS of the process before the registry (database open, structure written) and at the end */
  maxRssBeforeMb: number;
  maxRssMb: number;
}

const runChild = (args: string[]) => runBenchChild<ChildResult>(import.meta.url, "demo", args);

const rows = (s: DemoRegistrySummary) =>
  s.patients +
  s.enrolments +
  s.interventions +
  s.groups +
  s.groupSessions +
  s.groupMembers +
  s.assessments +
  2 * s.plans;

export async function benchDemo(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const dataDir = tempDir("praxis-bench-demo");
  try {
    const l = loadAverage();
    const r = await runChild(["pglite", "314", dataDir]);
    const s = r.summary;
    out["default demo, PGlite on disk: structure + registry, ms"] = r.structureMs + s.ms;
    out["default demo, PGlite: registry ms (write / rebuild / analyze)"] =
      `${s.ms} (${s.phases.write} / ${s.phases.rebuild} / ${s.phases.analyze})`;
    out["default demo: patients, interventions, groups, assessments, plans"] =
      `${s.patients}, ${s.interventions}, ${s.groups}, ${s.assessments}, ${s.plans}`;
    out["default demo, PGlite: peak RSS MB, before the registry → after"] =
      `${r.maxRssBeforeMb} → ${r.maxRssMb} (load ${l})`;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const pg = await freshPostgres("praxis_bench_demo");
  const label = `--patients ${REGION_PATIENTS} --interventions-per-patient ${PER_PATIENT}, PostgreSQL (COPY)`;
  if (!pg) {
    out[label] = "skipped: DATABASE_URL not set";
    return out;
  }
  try {
    const l = loadAverage();
    const r = await runChild(["postgres", String(REGION_PATIENTS), pg.url]);
    const s = r.summary;
    out[`${label}: registry s (target < 300 on an idle machine)`] =
      `${Math.round(s.ms / 100) / 10} (load ${l} at the start, ${loadAverage()} at the end)`;
    out[`${label}: write / rebuild keys / analyze, s`] = [s.phases.write, s.phases.rebuild, s.phases.analyze]
      .map((ms) => Math.round((ms ?? 0) / 100) / 10)
      .join(" / ");
    out[`${label}: patients, interventions`] = `${s.patients}, ${s.interventions}`;
    out[`${label}: rows/s (all tables)`] = Math.round(rows(s) / (s.ms / 1000));
    out[`${label}: peak RSS MB before the registry → after (bounded: generated in blocks)`] =
      `${r.maxRssBeforeMb} → ${r.maxRssMb}`;
  } finally {
    await pg.drop();
  }
  return out;
}

/** The measured run, in its own process: `--child pglite|postgres PATIENTS DIR|URL`. */
async function child(engine: string, patients: number, where: string): Promise<void> {
  const database = engine === "pglite" ? await openPGlite(where) : await openPostgres(where);
  try {
    const started = performance.now();
    await migrateToLatest(database.db);
    await seedDemoRegion(database.db, SYSTEM, AS_OF);
    const structureMs = Math.round(performance.now() - started);
    const maxRssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const summary = await generateDemoRegistry(database.db, {
      patients,
      seed: 1,
      asOf: AS_OF,
      interventionsPerPatient: engine === "postgres" ? PER_PATIENT : undefined,
      copyUrl: engine === "postgres" ? where : undefined,
    });
    const result: ChildResult = {
      summary,
      structureMs,
      maxRssBeforeMb,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(JSON.stringify(result));
  } finally {
    await database.close();
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
  process.exit(0);
}
