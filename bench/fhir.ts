import fs from "node:fs";
import path from "node:path";
import { PRAXIS } from "../tests/support/spawn.ts";
import { freshPostgres, loadAverage, type Measured, measured, tempDir } from "./support.ts";

/**
 * Issue 12 figures for the FHIR R4 export: `praxis demo` makes a region (PostgreSQL when
 * DATABASE_URL is set, else PGlite) with PRAXIS_BENCH_FHIR_PATIENTS BPD patients (default 200000,
 * the region scale: ~16 million interventions; 2000 for a quick check), then `praxis export
 * --format fhir` writes BPD-LOM for the demo's three years as a process. Printed: resources per
 * second (process start included), the NDJSON size, and the export's peak RSS (target < 500 MB:
 * rows are read through a cursor, a page at a time).
 */
const PATIENTS = Number(process.env.PRAXIS_BENCH_FHIR_PATIENTS ?? 200_000);
/** A fixed day, so the data are the same from one run to the next; the period is its three years. */
const AS_OF = "2026-06-15";
const FROM = "2023-06-15";
const TO = "2026-06-14";

type Out = Record<string, string | number>;

const env = (extra: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  delete e.DATABASE_URL;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) e[k] = v;
  return e;
};

const praxis = (args: string[], extra: Record<string, string | undefined>): Measured => {
  const r = measured(process.execPath, [PRAXIS, ...args], env(extra));
  if (r.code !== 0) throw new Error(`praxis ${args.join(" ")} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r;
};

export async function benchFhir(): Promise<Out> {
  const out: Out = {};
  const dir = tempDir("praxis-bench-fhir");
  const source = await freshPostgres("fhir_source");
  const where = source ? { DATABASE_URL: source.url } : {};
  const dbArgs = source ? [] : ["--data-dir", path.join(dir, "data")];
  const target = path.join(dir, "fhir");
  try {
    const demo = praxis(["demo", "--patients", String(PATIENTS), "--as-of", AS_OF, ...dbArgs], where);
    out.data = `praxis demo --patients ${PATIENTS} --as-of ${AS_OF} on ${source ? "PostgreSQL" : "PGlite"} (${(demo.ms / 1000).toFixed(0)} s)`;
    const load = loadAverage();
    const r = praxis(
      ["export", target, "--programme", "BPD-LOM", "--format", "fhir", "--from", FROM, "--to", TO, ...dbArgs],
      where,
    );
    const total = Number(/^(\d+) resources exported/m.exec(r.stdout)?.[1] ?? Number.NaN);
    const perType = [...r.stdout.matchAll(/^([A-Za-z]+)\s+(\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const bytes = fs.readdirSync(target).reduce((n, f) => n + fs.statSync(path.join(target, f)).size, 0);
    out["export BPD-LOM as FHIR, period"] = `${FROM} … ${TO}`;
    out["resources (per type)"] = `${total} (${perType.join(", ")})`;
    out["NDJSON MB"] = Math.round(bytes / 1e6);
    out["export s, resources/s (process start included)"] =
      `${(r.ms / 1000).toFixed(2)}, ${Math.round(total / (r.ms / 1000))} (load ${load})`;
    out["export peak RSS MB (target < 500)"] = r.maxRssMb ?? "not measured (/usr/bin/time missing)";
    out["export CPU s"] = r.cpuS ?? "not measured";
    return out;
  } finally {
    await source?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
