import net from "node:net";
import type { FastifyInstance } from "fastify";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import type { ChangeFeed } from "../../src/server/infra/db/change-feed.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import type { DB } from "../../src/server/infra/db/schema.ts";
import { freePort } from "../support/spawn.ts";

/**
 * Issue 14, defect 8: with the database frozen, /api/health hung; with it down, routes
 * answered 500. A "frozen" database here is a socket that accepts and never answers; a "down"
 * one is a port nobody listens on.
 */
const sockets: net.Socket[] = [];
let frozen: net.Server;
let frozenPort: number;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  frozen = net.createServer((s) => {
    sockets.push(s);
  });
  await new Promise<void>((r) => frozen.listen(0, "127.0.0.1", () => r()));
  frozenPort = (frozen.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => frozen.close(() => r()));
});

const noChanges = {
  listener: { close: async () => {} },
  subscribe() {},
  close: async () => {},
} as unknown as ChangeFeed;

async function appOn(port: number): Promise<FastifyInstance> {
  const pool = new pg.Pool({
    connectionString: `postgres://praxis@127.0.0.1:${port}/praxis`,
    connectionTimeoutMillis: 5000,
    max: 2,
  });
  pool.on("error", () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const database: Database = {
    db,
    kind: "postgresql",
    location: `127.0.0.1:${port}`,
    listen: async () => {
      throw new Error("no listen");
    },
    close: () => db.destroy(),
  };
  const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config, changes: noChanges });
  await app.ready();
  apps.push(app);
  return app;
}

describe("the database frozen or down", () => {
  it("health answers 503 database unreachable within 2 s when the database is frozen", async () => {
    const app = await appOn(frozenPort);
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await app.inject({ method: "GET", url: "/api/health" });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: "unavailable", database: "unreachable" });
    }
  });

  it("health answers 503 at once when the database is down", async () => {
    const app = await appOn(await freePort());
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(503);
    expect(res.json().database).toBe("unreachable");
  });

  it("other routes answer 503 database_unavailable, not 500", async () => {
    const app = await appOn(await freePort());
    const login = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "admin", password: "whatever-password" },
    });
    expect(login.statusCode, login.body).toBe(503);
    expect(login.json().error).toBe("database_unavailable");
    const withSession = await app.inject({
      method: "GET",
      url: "/api/patients",
      cookies: { praxis_session: "some-token" },
    });
    expect(withSession.statusCode).toBe(503);
    expect(withSession.json().error).toBe("database_unavailable");
  });
});

describe.skipIf(process.env.PRAXIS_TEST_DB !== "postgres")("statement timeout on the server's pool", () => {
  it("sessions get PRAXIS_DB_STATEMENT_TIMEOUT_MS; long admin transactions lift it", async () => {
    const { openPostgres, withoutStatementTimeout } = await import("../../src/server/infra/db/database.ts");
    const { sql } = await import("kysely");
    const database = await openPostgres(process.env.DATABASE_URL!, { statementTimeoutMs: 1234, poolSize: 1 });
    try {
      const shown = await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(
        database.db,
      );
      expect(shown.rows[0]!.t).toBe("1234ms");
      await expect(sql`select pg_sleep(2)`.execute(database.db)).rejects.toThrow(/statement timeout/);
      const lifted = await database.db.transaction().execute(async (trx) => {
        await withoutStatementTimeout(trx);
        await sql`select pg_sleep(1.5)`.execute(trx);
        return (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(trx))
          .rows[0]!.t;
      });
      expect(lifted).toBe("0");
    } finally {
      await database.close();
    }
  });
});
