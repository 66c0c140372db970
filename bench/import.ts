import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { listImportFiles, runImport } from "../src/server/exchange/import.ts";
import { SYSTEM } from "../src/server/infra/audit/audit.ts";
import { type Database, openPGlite, openPostgres } from "../src/server/infra/db/database.ts";
import { migrateToLatest } from "../src/server/infra/db/migrate.ts";
import { generateExtract } from "../tests/exchange/generate.ts";
import { freshPostgres, runBenchChild, tempDir } from "./support.ts";

/**
 * Issue 3 figures for the exchange-format import: a 1,000,000-intervention extract (with its
 * 20,000 patients and enrolments; override with PRAXIS_BENCH_IMPORT_INTERVENTIONS) imported on
 * PGlite (on disk) and, when DATABASE_URL is set, into a fresh PostgreSQL database — rows/s over
 * every row of the extract, and peak RSS of the importing process (a child of its own; "before"
 * is the process with its database open, so PGlite's own footprint is not read as the import's).
 * The ceiling on PostgreSQL is a bare `psql -c "\copy staging from FILE csv header"` of the same
 * interventions file into a table of text columns: no checks, no keys, no indexes.
 * Targets: ≥ 100,000 rows/s on PostgreSQL, ≥ 20,000 rows/s on PGlite, < 500 MB.
 */
const INTERVENTIONS = Number(process.env.PRAXIS_BENCH_IMPORT_INTERVENTIONS ?? 1_000_000);
const PATIENTS = Math.max(1, Math.round(INTERVENTIONS / 50));

interface ChildResult {
  rows: number;
  ms: number;
  /** Second import of the same directory (everything unchanged). */
  againMs: number;
  steps: Record<string, number>;
  maxRssBeforeMb: number;
  maxRssMb: number;
}

export async function benchImport(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const dir = tempDir("praxis-bench-import");
  try {
    await generateExtract(dir, { patients: PATIENTS, interventions: INTERVENTIONS, programme: "BENCH" });
    const files = listImportFiles(dir);
    const mb = Math.round(files.reduce((n, f) => n + f.bytes, 0) / 1e6);
    out.extract = `${INTERVENTIONS} interventions, ${PATIENTS} patients and enrolments, 18 sites (${mb} MB)`;

    const dataDir = path.join(dir, "pglite");
    await runChild(["prepare", dataDir]);
    const lite = await runChild(["pglite", dataDir, dir]);
    report(out, "PGlite", lite);
    out["PGlite: target ≥ 20000 rows/s, < 500 MB"] =
      `${rate(lite) >= 20_000 ? "met" : "missed"} (rows/s), ${lite.maxRssMb < 500 ? "met" : "missed"} (memory)`;

    const database = await freshPostgres("praxis_bench_import");
    if (!database) {
      out.PostgreSQL = "skipped: DATABASE_URL not set";
      return out;
    }
    try {
      const server = await runChild(["postgres", database.url, dir]);
      report(out, "PostgreSQL", server);
      const ceiling = psqlCopy(database.url, path.join(dir, "interventions.csv"));
      out["PostgreSQL: ceiling, psql \\copy of interventions.csv into text columns: rows/s"] = ceiling;
      out["PostgreSQL: import rows/s ÷ ceiling rows/s"] = Math.round((rate(server) / ceiling) * 100) / 100;
      out["PostgreSQL: target ≥ 100000 rows/s, < 500 MB"] =
        `${rate(server) >= 100_000 ? "met" : "missed"} (rows/s), ${server.maxRssMb < 500 ? "met" : "missed"} (memory)`;
    } finally {
      await database.drop();
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rate = (r: ChildResult) => Math.round(r.rows / (r.ms / 1000));

function report(out: Record<string, string | number>, engine: string, r: ChildResult): void {
  out[`${engine}: import s (rows/s)`] = `${(r.ms / 1000).toFixed(1)} (${rate(r)})`;
  out[`${engine}: steps ms`] = Object.entries(r.steps)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out[`${engine}: second import of the same directory (all unchanged) s`] = (r.againMs / 1000).toFixed(1);
  out[`${engine}: peak RSS MB, database open → after the import`] = `${r.maxRssBeforeMb} → ${r.maxRssMb}`;
}

/** `psql \copy` of the file into a table of text columns, as rows/s. */
function psqlCopy(url: string, file: string): number {
  const head = Buffer.alloc(1024);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const columns = head.toString("utf8").split("\n")[0]!.split(",");
  const create = `create table staging (${columns.map((c) => `${c} text`).join(", ")})`;
  const run = (command: string) => {
    const r = spawnSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", command], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error}`);
  };
  run(create);
  const started = performance.now();
  run(`\\copy staging from '${file}' csv header`);
  const seconds = (performance.now() - started) / 1000;
  run("drop table staging");
  return Math.round(INTERVENTIONS / seconds);
}

const runChild = (args: string[]) => runBenchChild<ChildResult>(import.meta.url, "import", args);

/** The measured run, in its own process: `--child prepare DIR | pglite DIR EXTRACT | postgres URL EXTRACT`. */
async function child(engine: string, where: string, extractDir: string | undefined): Promise<void> {
  const database: Database = engine === "postgres" ? await openPostgres(where) : await openPGlite(where);
  try {
    await migrateToLatest(database.db);
    if (engine === "prepare") {
      console.log(JSON.stringify({ rows: 0, ms: 0, againMs: 0, steps: {}, maxRssBeforeMb: 0, maxRssMb: 0 }));
      return;
    }
    const maxRssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const files = listImportFiles(extractDir!);
    const steps: Record<string, number> = {};
    const once = async () => {
      const started = performance.now();
      const result = await runImport(database, {
        files,
        source: extractDir!,
        options: { createProgrammes: true, ignoreUnknownColumns: false },
        actor: SYSTEM,
        databaseUrl: engine === "postgres" ? where : undefined,
        onStep: (step, ms) => {
          steps[step] = ms;
        },
      });
      if (result.status !== "done")
        throw new Error(`the extract was rejected: ${result.problems.size} problems`);
      return {
        ms: performance.now() - started,
        rows: Object.values(result.counts).reduce((n, c) => n + (c?.rows ?? 0), 0),
      };
    };
    const first = await once();
    const firstSteps = { ...steps };
    const again = await once();
    const result: ChildResult = {
      rows: first.rows,
      ms: Math.round(first.ms),
      againMs: Math.round(again.ms),
      steps: firstSteps,
      maxRssBeforeMb,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(JSON.stringify(result));
  } finally {
    await database.close();
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]);
  process.exit(0);
}
