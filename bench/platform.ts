import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { buildApp } from "../src/server/app.ts";
import { seedDemoRegion } from "../src/server/demo/seed-region.ts";
import { SYSTEM } from "../src/server/infra/audit/audit.ts";
import { loadConfig } from "../src/server/infra/config.ts";
import { openPGlite } from "../src/server/infra/db/database.ts";
import { migrateToLatest } from "../src/server/infra/db/migrate.ts";
import { PRAXIS } from "../tests/support/spawn.ts";
import { freshPostgres, load, loginCookie, praxis, round, startServer, tempDir } from "./support.ts";

const loadavg = () => `load ${os.loadavg()[0]!.toFixed(1)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Issue 10 figures: `praxis --help` and the cold start of the compiled server; authenticated
 * GET /api/programmes against unauthenticated /api/health under 50 concurrent clients, in the
 * same run, on PGlite (one process) and on PostgreSQL (`--workers 2`); the server CPU per
 * request measured in process. Every figure carries the 1-minute load average when it was taken.
 */
export async function benchPlatform(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const built = spawnSync(process.execPath, ["scripts/build-server.mjs"], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`server build failed: ${built.stderr}`);

  const helps: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [PRAXIS, "--help"], { encoding: "utf8" });
    if (r.status !== 0 || r.stderr) throw new Error(`praxis --help: ${r.stderr}`);
    helps.push(performance.now() - t);
  }
  out["`praxis --help`, compiled, ms (median of 5; target < 500)"] =
    `${Math.round(median(helps))} (${loadavg()})`;

  Object.assign(out, await inProcessCpu());

  const dataDir = tempDir("praxis-bench-platform");
  try {
    // First start creates the demo region; later starts open an existing database.
    let t = performance.now();
    let server = await startServer(["--data-dir", dataDir]);
    out["first start (creates demo region) → /api/health, PGlite, ms"] =
      `${Math.round(performance.now() - t)} (${loadavg()})`;
    await server.stop();
    for (const [label, env] of [
      ["compiled", {}],
      ["from TypeScript (tsx)", { PRAXIS_FROM_SOURCE: "1" }],
    ] as const) {
      const starts: number[] = [];
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        server = await startServer(["--data-dir", dataDir], env);
        starts.push(performance.now() - t);
        await server.stop();
      }
      out[`cold start → first /api/health, PGlite, ${label}, ms (median of 3; target < 3000)`] =
        `${Math.round(median(starts))} (${loadavg()})`;
    }
    server = await startServer(["--data-dir", dataDir]);
    Object.assign(out, await pair(server.url, "PGlite", 50));
    await server.stop();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const pgdb = await freshPostgres("praxis_bench_platform");
  if (!pgdb) {
    out["PostgreSQL figures"] = "skipped: DATABASE_URL not set";
    return out;
  }
  try {
    const demo = praxis(["demo"], { DATABASE_URL: pgdb.url });
    if (demo.code !== 0) throw new Error(demo.stderr);
    const server = await startServer(["--workers", "2"], { DATABASE_URL: pgdb.url });
    Object.assign(out, await pair(server.url, "PostgreSQL, --workers 2", 20));
    await server.stop();
  } finally {
    await pgdb.drop();
  }
  return out;
}

/** Health and programmes under 50 clients, one after the other, and their ratio. */
async function pair(url: string, where: string, target: number) {
  const cookie = await loginCookie(url, "admin", "praxis-demo-login");
  // warm up both paths (JIT, caches, the session cache) before measuring
  await load(`${url}/api/health`, {}, 10, 2);
  await load(`${url}/api/programmes`, { cookie }, 10, 2);
  const health = await load(`${url}/api/health`, {});
  const healthLoad = loadavg();
  const programmes = await load(`${url}/api/programmes`, { cookie });
  const programmesLoad = loadavg();
  if (programmes.errors || health.errors)
    throw new Error(`${where}: ${programmes.errors + health.errors} errors`);
  // The dashboard's read: the first programme's full catalogue, served from the cache after the
  // warm-up (the first call computes it), as a coordinator's dashboard asks for it.
  const list = (await (await fetch(`${url}/api/programmes`, { headers: { cookie } })).json()) as Array<{
    id: number;
  }>;
  const indicatorsUrl = `${url}/api/programmes/${list[0]!.id}/indicators`;
  await load(indicatorsUrl, { cookie }, 10, 2);
  const indicators = await load(indicatorsUrl, { cookie });
  const indicatorsLoad = loadavg();
  if (indicators.errors) throw new Error(`${where}: ${indicators.errors} errors on the indicators`);
  return {
    [`GET /api/programmes/:id/indicators (signed in, cached catalogue), 50 clients, ${where}: p95 ms (p50 / p99, req/s) (target < 50)`]: `${indicators.p95} (${indicators.p50} / ${indicators.p99}, ${indicators.rps}) (${indicatorsLoad})`,
    [`GET /api/health (no session), 50 clients, ${where}: p95 ms (p50 / p99, req/s)`]: `${health.p95} (${health.p50} / ${health.p99}, ${health.rps}) (${healthLoad})`,
    [`GET /api/programmes (signed in), 50 clients, ${where}: p95 ms (p50 / p99, req/s) (target < ${target})`]: `${programmes.p95} (${programmes.p50} / ${programmes.p99}, ${programmes.rps}) (${programmesLoad})`,
    [`… p95 programmes ÷ p95 health, ${where} (target ≤ 2)`]: round(programmes.p95 / health.p95, 2),
  };
}

/** Server CPU per request, in process (Fastify inject, one at a time), PGlite with the demo region. */
async function inProcessCpu(): Promise<Record<string, string>> {
  const database = await openPGlite(undefined);
  await migrateToLatest(database.db);
  await seedDemoRegion(database.db, SYSTEM);
  const app = await buildApp({
    database,
    config: loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv),
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username: "admin", password: "praxis-demo-login" },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  const cpu = async (url: string, headers: Record<string, string>) => {
    for (let i = 0; i < 300; i++) await app.inject({ method: "GET", url, headers });
    const n = 2000;
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const r = await app.inject({ method: "GET", url, headers });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
    }
    const used = process.cpuUsage(before);
    return `${((used.user + used.system) / 1000 / n).toFixed(2)} (${loadavg()})`;
  };
  const out: Record<string, string> = {
    "server CPU per request, in process, PGlite: /api/health, ms": await cpu("/api/health", {}),
    "server CPU per request, in process, PGlite: /api/programmes signed in, ms": await cpu(
      "/api/programmes",
      {
        cookie,
      },
    ),
  };
  const first = (await app.inject({ method: "GET", url: "/api/programmes", headers: { cookie } })).json()[0];
  out["server CPU per request, in process, PGlite: /api/programmes/:id/indicators signed in (cached), ms"] =
    await cpu(`/api/programmes/${first.id}/indicators`, { cookie });
  await app.close();
  await database.close();
  return out;
}
