import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { listImportFiles, runImport } from "../src/server/exchange/import.ts";
import { SYSTEM } from "../src/server/infra/audit/audit.ts";
import { openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import { migrateToLatest } from "../src/server/infra/db/migrate.ts";
import { PRAXIS } from "../tests/support/spawn.ts";
import {
  cpuMsOf,
  freshPostgres,
  load,
  loadAverage,
  loginCookie,
  type Measured,
  measured,
  peakRssOf,
  runBenchChild,
  startServer,
  tempDir,
} from "./support.ts";

/**
 * Issue 10 figures for the import, on the product's own data: `praxis demo` makes a region
 * (PostgreSQL when DATABASE_URL is set, else PGlite) and `praxis export` writes its BPD
 * programme — about 1,000,000 interventions (PRAXIS_BENCH_IMPORT_INTERVENTIONS) with their
 * patients, enrolments, groups, assessments and plans. Then:
 * - PostgreSQL: `praxis import` of the directory into a fresh database, as a process (start
 *   included), against one `psql` process `\copy`ing the same eight files into tables of text
 *   columns — the same rows on both sides; the ratio of the two is the target (≥ 0.3);
 * - the ways of loading measured against each other, in process: staged + merged, copied
 *   straight into the table with its plain indexes kept, or dropped and rebuilt;
 * - what a COPY of the interventions costs the server (its backend's CPU, read from /proc):
 *   text or binary format, indexes kept or rebuilt, maintenance_work_mem for the rebuild;
 * - PGlite: `praxis import` rows/s, and the peak RSS of every step — create, migrate, demo,
 *   import, serve (target < 500 MB each).
 * Every figure is printed with the 1-minute load average at the time.
 */
const INTERVENTIONS = Number(process.env.PRAXIS_BENCH_IMPORT_INTERVENTIONS ?? 1_000_000);
/** The export of BPD-LOM holds about 78 interventions per --patients patient (IMR's are not in it). */
const PATIENTS = Math.max(100, Math.round(INTERVENTIONS / 78));
/** A fixed day, so the extract is the same from one run to the next. */
const AS_OF = "2026-06-15";

type Out = Record<string, string | number>;

export async function benchImport(): Promise<Out> {
  const out: Out = {};
  const dir = tempDir("praxis-bench-import");
  const extract = path.join(dir, "extract");
  try {
    const rows = await makeExtract(dir, extract, out);
    await postgresFigures(extract, rows, out);
    await pgliteFigures(dir, extract, rows, out);
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const env = (extra: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  delete e.DATABASE_URL;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) e[k] = v;
  return e;
};

const praxis = (args: string[], extra: Record<string, string | undefined> = {}): Measured => {
  const r = measured(process.execPath, [PRAXIS, ...args], env(extra));
  if (r.code !== 0) throw new Error(`praxis ${args.join(" ")} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r;
};

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** `praxis demo` then `praxis export` of BPD-LOM; the data rows of every file. */
async function makeExtract(dir: string, extract: string, out: Out): Promise<number> {
  const source = await freshPostgres("import_source");
  const where = source ? { DATABASE_URL: source.url } : {};
  const dataDir = path.join(dir, "source");
  const dbArgs = source ? [] : ["--data-dir", dataDir];
  try {
    praxis(["demo", "--patients", String(PATIENTS), "--as-of", AS_OF, ...dbArgs], where);
    praxis(["export", extract, "--programme", "BPD-LOM", ...dbArgs], where);
  } finally {
    await source?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const files = listImportFiles(extract);
  let rows = 0;
  const perFile: string[] = [];
  for (const f of files) {
    const n = countLines(f.path) - 1;
    rows += n;
    perFile.push(`${f.name.replace(".csv", "")} ${n}`);
  }
  const mb = Math.round(files.reduce((n, f) => n + f.bytes, 0) / 1e6);
  out.extract = `praxis demo --patients ${PATIENTS} --as-of ${AS_OF}, praxis export --programme BPD-LOM: ${rows} rows, ${mb} MB (${perFile.join(", ")})`;
  return rows;
}

function countLines(file: string): number {
  const buf = fs.readFileSync(file);
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

async function postgresFigures(extract: string, rows: number, out: Out): Promise<void> {
  const probe = await freshPostgres("import_target");
  if (!probe) {
    out.PostgreSQL = "skipped: DATABASE_URL not set";
    return;
  }
  try {
    // praxis import as a process, into a migrated database
    praxis(["migrate"], { DATABASE_URL: probe.url });
    const load1 = loadAverage();
    const imp = praxis(["import", extract, "--create-programmes"], {
      DATABASE_URL: probe.url,
      PRAXIS_IMPORT_TRACE: "1",
    });
    const steps = [...imp.stderr.matchAll(/^ {2}(.+): (\d+) ms/gm)].map((m) => `${m[1]} ${m[2]}`);
    // psql \copy of the same files into text tables, one process
    const ceiling = psqlCopy(probe.url, extract);
    const ratio = ceiling.ms / imp.ms;
    out["PostgreSQL: praxis import (process start included) s, rows/s"] =
      `${seconds(imp.ms)}, ${Math.round(rows / (imp.ms / 1000))} (load ${load1}; peak RSS ${imp.maxRssMb} MB, CPU ${imp.cpuS} s)`;
    out["PostgreSQL: praxis import steps ms"] = steps.join(", ");
    out["PostgreSQL: psql \\copy of the same files into text columns (process start included) s, rows/s"] =
      `${seconds(ceiling.ms)}, ${Math.round(rows / (ceiling.ms / 1000))} (load ${ceiling.load})`;
    out["PostgreSQL: import ÷ psql \\copy, same rows, same run (target ≥ 0.3)"] =
      `${ratio.toFixed(2)} ${ratio >= 0.3 ? "met" : "missed"}`;
  } finally {
    await probe.drop();
  }

  for (const [label, load] of [
    ["staged, then merged", { direct: false }],
    ["copied into the table, plain indexes kept", { direct: true, plainIndexes: "keep" }],
    ["copied into the table, plain indexes rebuilt (default)", { direct: true, plainIndexes: "rebuild" }],
  ] as const) {
    const db = await freshPostgres("import_variant");
    if (!db) break;
    try {
      const l = loadAverage();
      const r = await runBenchChild<VariantResult>(import.meta.url, "import", [
        "variant",
        db.url,
        extract,
        JSON.stringify(load),
      ]);
      out[`PostgreSQL, in process: ${label}: s (CPU s: Node, server backend)`] =
        `${seconds(r.ms)} (${r.cpuS}, ${r.serverCpuS ?? "?"}; load ${l}) — ${Object.entries(r.steps)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}`;
    } finally {
      await db.drop();
    }
  }
  await serverCopyFigures(extract, out);
}

/** One psql process: `\copy` every file of the extract into a table of text columns. */
function psqlCopy(url: string, extract: string): { ms: number; load: string } {
  const files = listImportFiles(extract);
  const ddl = files.map((f) => {
    const header = fs.readFileSync(f.path, "utf8").slice(0, 2048).split("\n")[0]!.split(",");
    const table = `ceiling_${f.name.replace(".csv", "")}`;
    return {
      table,
      create: `create table ${table} (${header.map((c) => `"${c}" text`).join(", ")})`,
      file: f,
    };
  });
  const run = (args: string[]) => {
    const r = measured("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", ...args]);
    if (r.code !== 0) throw new Error(`psql failed: ${r.stderr}`);
    return r;
  };
  run(ddl.flatMap((d) => ["-c", d.create]));
  const load = loadAverage();
  const r = run(ddl.flatMap((d) => ["-c", `\\copy ${d.table} from '${d.file.path}' csv header`]));
  run(ddl.flatMap((d) => ["-c", `drop table ${d.table}`]));
  return { ms: r.ms, load };
}

/**
 * What a COPY of the interventions costs the PostgreSQL backend, by variant: the rows (ids
 * resolved, as the import sends them) copied into an empty table shaped like `interventions`
 * (same indexes, no foreign keys), each variant in a transaction rolled back.
 */
async function serverCopyFigures(extract: string, out: Out): Promise<void> {
  const db = await freshPostgres("import_copy");
  if (!db) return;
  const text = path.join(extract, "..", "interventions.copy");
  const binary = path.join(extract, "..", "interventions.bin");
  const client = new pg.Client({ connectionString: db.url });
  try {
    praxis(["migrate"], { DATABASE_URL: db.url });
    praxis(["import", extract, "--create-programmes"], { DATABASE_URL: db.url });
    await client.connect();
    const columns =
      "code, patient_id, site_id, date, type, setting, recipient, professional_code, professional_profile, duration_min, group_id, module";
    const dump = (file: string, format: string) => {
      const r = measured("psql", [
        db.url,
        "-q",
        "-c",
        `\\copy (select ${columns} from interventions) to '${file}' ${format}`,
      ]);
      if (r.code !== 0) throw new Error(r.stderr);
    };
    dump(text, "");
    dump(binary, "(format binary)");
    const pid = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    if (cpuMsOf(pid) === null) {
      out["PostgreSQL server CPU by COPY variant"] = "skipped: the server's processes are not readable here";
      return;
    }
    const variant = async (label: string, format: string, indexes: "keep" | "rebuild", mem: string) => {
      await client.query("begin");
      await client.query(`set local maintenance_work_mem = '${mem}'`);
      await client.query(
        "create temp table bench_copy (like interventions including defaults including indexes) on commit drop",
      );
      const plain = (
        await client.query<{ name: string; def: string }>(`
          select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
          where i.indrelid = 'bench_copy'::regclass and not i.indisunique and not i.indisprimary`)
      ).rows;
      if (indexes === "rebuild") for (const i of plain) await client.query(`drop index ${i.name}`);
      const c0 = cpuMsOf(pid)!;
      const t0 = performance.now();
      await copyFile(client, `copy bench_copy (${columns}) from stdin ${format}`, format ? binary : text);
      const c1 = cpuMsOf(pid)!;
      if (indexes === "rebuild") for (const i of plain) await client.query(i.def);
      const c2 = cpuMsOf(pid)!;
      const ms = performance.now() - t0;
      await client.query("rollback");
      out[`PostgreSQL server CPU, COPY of the interventions: ${label}`] =
        `copy ${c1 - c0} ms + rebuild ${c2 - c1} ms = ${c2 - c0} ms (wall ${Math.round(ms)} ms, load ${loadAverage()})`;
    };
    await variant("text, indexes kept", "", "keep", "256MB");
    await variant("binary, indexes kept", "with (format binary)", "keep", "256MB");
    await variant("text, plain indexes rebuilt, maintenance_work_mem 64MB", "", "rebuild", "64MB");
    await variant("text, plain indexes rebuilt, maintenance_work_mem 256MB", "", "rebuild", "256MB");
  } finally {
    await client.end().catch(() => {});
    await db.drop();
  }
}

async function copyFile(client: pg.Client, statement: string, file: string): Promise<void> {
  const { from } = await import("pg-copy-streams");
  const { pipeline } = await import("node:stream/promises");
  await pipeline(fs.createReadStream(file), client.query(from(statement)));
}

/** PGlite: the import's rows/s, and the peak RSS of every step, each a process of its own. */
async function pgliteFigures(dir: string, extract: string, rows: number, out: Out): Promise<void> {
  const fresh = (name: string) => {
    const d = path.join(dir, name);
    fs.rmSync(d, { recursive: true, force: true });
    return d;
  };
  const peak = (label: string, r: { maxRssMb: number | null; ms: number }, load: string) => {
    out[`PGlite peak RSS MB: ${label} (target < 500)`] =
      `${r.maxRssMb ?? "?"} (${seconds(r.ms)} s, load ${load})`;
  };
  // create: open a new data directory, nothing else
  let l = loadAverage();
  const created = await runBenchChild<{ maxRssMb: number; ms: number }>(import.meta.url, "import", [
    "create",
    fresh("create"),
  ]);
  peak("create (a new data directory)", created, l);
  const importDir = fresh("import");
  l = loadAverage();
  peak(
    "migrate (praxis migrate on a new directory: create + migrate)",
    praxis(["migrate", "--data-dir", importDir]),
    l,
  );
  l = loadAverage();
  peak(
    "demo (praxis demo on a new directory: create, migrate, pilot demo)",
    praxis(["demo", "--data-dir", fresh("demo"), "--as-of", AS_OF]),
    l,
  );
  l = loadAverage();
  const imp = praxis(["import", extract, "--create-programmes", "--data-dir", importDir]);
  peak(`import (praxis import of the ${rows}-row extract)`, imp, l);
  out["PGlite: praxis import s, rows/s (target ≥ 20,000)"] =
    `${seconds(imp.ms)}, ${Math.round(rows / (imp.ms / 1000))} (load ${l})`;
  // serve: the pilot demo under 50 clients for 10 s, then the server's peak
  l = loadAverage();
  const server = await startServer(["--data-dir", path.join(dir, "demo")]);
  try {
    const cookie = await loginCookie(server.url, "coordinator", "praxis-demo-login");
    await load(`${server.url}/api/programmes`, { cookie }, 50, 10);
    out["PGlite peak RSS MB: serve (the pilot demo, 10 s of 50 clients) (target < 500)"] =
      `${peakRssOf(server.pid) ?? "?"} (load ${l})`;
  } finally {
    await server.stop();
  }
}

interface VariantResult {
  ms: number;
  cpuS: number;
  /** CPU seconds of the import's PostgreSQL backend (null where /proc is not readable) */
  serverCpuS: number | null;
  steps: Record<string, number>;
}

/**
 * Follow the CPU of the import's backend (its connection is named "praxis import <instance>") while it
 * lives: the last reading before it ends is its total.
 */
function followImportBackend(url: string): { stop(): Promise<number | null> } {
  const client = new pg.Client({ connectionString: url });
  let pid: number | null = null;
  let last: number | null = null;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      if (pid === null) {
        const r = await client.query<{ pid: number }>(
          "select pid from pg_stat_activity where application_name like 'praxis import %' and datname = current_database()",
        );
        pid = r.rows[0]?.pid ?? null;
      }
      if (pid !== null) last = cpuMsOf(pid) ?? last;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return last === null ? null : Math.round(last / 10) / 100;
    },
  };
}

/** Children: `create DIR` (open a new PGlite directory) and `variant URL EXTRACT LOADJSON`. */
async function child(args: string[]): Promise<void> {
  const [what, where, extract, loadJson] = args;
  if (what === "create") {
    const t = performance.now();
    const database = await openPGlite(where!);
    await database.close();
    console.log(
      JSON.stringify({
        ms: performance.now() - t,
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    return;
  }
  const database = await openPostgres(where!);
  try {
    await migrateToLatest(database.db);
    const steps: Record<string, number> = {};
    const backend = followImportBackend(where!);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await runImport(database, {
      files: listImportFiles(extract!),
      source: extract!,
      options: { createProgrammes: true, ignoreUnknownColumns: false },
      actor: SYSTEM,
      databaseUrl: where,
      load: JSON.parse(loadJson!),
      onStep: (step, ms) => {
        steps[step] = ms;
      },
    });
    const ms = performance.now() - t;
    if (result.status !== "done") throw new Error("the extract was rejected");
    const used = process.cpuUsage(cpu);
    const serverCpuS = await backend.stop();
    console.log(
      JSON.stringify({
        ms,
        cpuS: Math.round((used.user + used.system) / 10_000) / 100,
        serverCpuS,
        steps,
      } satisfies VariantResult),
    );
  } finally {
    await database.close();
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv.slice(3));
  process.exit(0);
}
