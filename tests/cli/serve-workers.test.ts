import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerCount } from "../../src/cli/commands/serve.ts";
import { CliError } from "../../src/cli/common.ts";
import { loginOverHttp, praxis, startServer } from "../support/spawn.ts";

describe("workerCount", () => {
  const pgConfig = { databaseUrl: "postgres://x/y" };
  const pglite = { databaseUrl: undefined };
  const cases: Array<[string, string | undefined, { databaseUrl: string | undefined }, number | string]> = [
    ["PostgreSQL, not given: one per core", undefined, pgConfig, 2],
    ["PostgreSQL, empty: one per core", "", pgConfig, 2],
    ["PostgreSQL, 4", "4", pgConfig, 4],
    ["PGlite, not given: one", undefined, pglite, 1],
    ["PGlite, 1", "1", pglite, 1],
    ["PGlite, 2: refused", "2", pglite, "needs PostgreSQL"],
    ["zero", "0", pgConfig, "whole number from 1 to 256"],
    ["fraction", "1.5", pgConfig, "whole number from 1 to 256"],
    ["words", "many", pgConfig, "whole number from 1 to 256"],
    ["too many", "1000", pgConfig, "whole number from 1 to 256"],
  ];
  it.each(cases)("%s", (_name, option, config, expected) => {
    if (typeof expected === "number") expect(workerCount(option, config, 2)).toBe(expected);
    else {
      expect(() => workerCount(option, config, 2)).toThrow(CliError);
      expect(() => workerCount(option, config, 2)).toThrow(expected);
    }
  });
});

describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("serve --workers on the embedded database", () => {
  it("is refused with a clear message", () => {
    const r = praxis(["serve", "--workers", "2", "--data-dir", "/nonexistent/praxis"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--workers 2 needs PostgreSQL");
  });
});

const url = process.env.DATABASE_URL;
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres" && !!url;

/**
 * `praxis serve --workers 2` on PostgreSQL: the primary migrates a fresh database and writes the
 * demo, two workers share the port, a session works and is revoked across them, a burst of 500
 * clients gets answers or 503s, and SIGTERM stops every process.
 */
describe.skipIf(!onPostgres)("serve --workers 2 on PostgreSQL", () => {
  const dbName = `praxis_workers_${randomBytes(4).toString("hex")}`;
  let dbUrl = "";
  let admin: pg.Client;
  let server: Awaited<ReturnType<typeof startServer>>;

  const listeners = async () =>
    (
      await admin.query<{ name: string }>(
        // `praxis listen <pid>-<random>` (infra/db/instance.ts)
        "select application_name as name from pg_stat_activity where datname = $1 and application_name like 'praxis listen %'",
        [dbName],
      )
    ).rows.map((r) => Number(r.name.slice("praxis listen ".length).split("-")[0]));

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const u = new URL(url!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    server = await startServer(["--workers", "2", "--demo"], {
      DATABASE_URL: dbUrl,
      PRAXIS_MAX_IN_FLIGHT: "10",
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("runs two workers besides the primary, which migrated once and wrote the demo", async () => {
    const started = Date.now();
    while ((await listeners()).length < 2 && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 100));
    const pids = await listeners();
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(server.pid);
    // the primary prints its banner once both workers listen
    while (!server.output().includes("Praxis is running") && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain("2 worker processes");
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const { rows } = await c.query<{ name: string }>("select name from kysely_migration order by name");
    await c.end();
    expect(rows.map((r) => r.name)).toContain("0011_auth_notify");
  });

  it("a session works on every worker and a logout is refused by all at once", async () => {
    const { cookie, csrfToken } = await loginOverHttp(server.url, "admin");
    // several connections at once: the primary hands them to both workers in turn
    const me = async () =>
      Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`${server.url}/api/me`, { headers: { cookie } }).then((r) => r.status),
        ),
      );
    expect(await me()).toEqual(Array(8).fill(200));
    const out = await fetch(`${server.url}/api/session`, {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(200);
    expect(await me()).toEqual(Array(8).fill(401));
  });

  it("a burst of 500 concurrent clients gets answers or 503 with Retry-After, and the server stays up", async () => {
    const answers = await Promise.all(
      Array.from({ length: 500 }, () =>
        fetch(`${server.url}/api/health`).then(
          async (r) => ({ status: r.status, retry: r.headers.get("retry-after"), body: await r.text() }),
          (err: Error) => ({ status: 0, retry: null, body: err.message }),
        ),
      ),
    );
    const statuses = new Set(answers.map((a) => a.status));
    expect(
      [...statuses].every((s) => s === 200 || s === 503),
      JSON.stringify([...statuses, answers.find((a) => a.status !== 200 && a.status !== 503)?.body]),
    ).toBe(true);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    // the limit (10 per worker here) did refuse some: the burst did not just queue
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.retry).toBe("1");
      expect(JSON.parse(a.body).error).toBe("overloaded");
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await listeners()).toHaveLength(2);
  });

  it("SIGTERM stops the primary and both workers", async () => {
    const pids = await listeners();
    await server.stop();
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const started = Date.now();
    while (pids.some(alive) && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
    expect(pids.filter(alive)).toEqual([]);
  });
});
