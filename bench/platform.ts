import fs from "node:fs";
import { freshPostgres, load, loginCookie, praxis, startServer, tempDir } from "./support.ts";

/**
 * Issue 2 figures: cold start to the first /api/health answer on PGlite, and
 * GET /api/programmes under 50 concurrent clients on PGlite and PostgreSQL.
 */
export async function benchPlatform(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const dataDir = tempDir("praxis-bench-platform");
  try {
    // First start creates the demo region; later starts open an existing database.
    let t = performance.now();
    let server = await startServer(["--data-dir", dataDir]);
    out["first start (creates demo region) → /api/health, PGlite, ms"] = Math.round(performance.now() - t);
    await server.stop();
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      server = await startServer(["--data-dir", dataDir]);
      starts.push(performance.now() - t);
      if (i < 2) await server.stop();
    }
    out["cold start → first /api/health, PGlite, ms (median of 3; target < 3000)"] = Math.round(
      starts.sort((a, b) => a - b)[1]!,
    );
    const cookie = await loginCookie(server.url, "admin", "praxis-demo");
    const pglite = await load(`${server.url}/api/programmes`, { cookie });
    out["GET /api/programmes, 50 clients, PGlite: p95 ms (target < 50)"] = pglite.p95;
    out["GET /api/programmes, 50 clients, PGlite: p50 / p99 ms, req/s"] =
      `${pglite.p50} / ${pglite.p99}, ${pglite.rps}`;
    await server.stop();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const pgdb = await freshPostgres("praxis_bench_platform");
  if (!pgdb) {
    out["GET /api/programmes, 50 clients, PostgreSQL"] = "skipped: DATABASE_URL not set";
    return out;
  }
  try {
    const demo = praxis(["demo"], { DATABASE_URL: pgdb.url });
    if (demo.code !== 0) throw new Error(demo.stderr);
    const server = await startServer([], { DATABASE_URL: pgdb.url });
    const cookie = await loginCookie(server.url, "admin", "praxis-demo");
    const res = await load(`${server.url}/api/programmes`, { cookie });
    out["GET /api/programmes, 50 clients, PostgreSQL: p95 ms (target < 20)"] = res.p95;
    out["GET /api/programmes, 50 clients, PostgreSQL: p50 / p99 ms, req/s"] =
      `${res.p50} / ${res.p99}, ${res.rps}`;
    await server.stop();
  } finally {
    await pgdb.drop();
  }
  return out;
}
