import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { praxis, startServer } from "../support/spawn.ts";

/**
 * Two `praxis serve` processes on one PostgreSQL database behave as one system: a session made
 * on one is valid on the other, and a write through one is read through the other.
 */
const url = process.env.DATABASE_URL;
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres" && !!url;

describe.skipIf(!onPostgres)("scale-out on PostgreSQL", () => {
  const dbName = `praxis_scale_${randomBytes(4).toString("hex")}`;
  let dbUrl = "";
  let servers: Array<Awaited<ReturnType<typeof startServer>>> = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    expect(praxis(["demo"], { DATABASE_URL: dbUrl }).code).toBe(0);
    servers = await Promise.all([
      startServer([], { DATABASE_URL: dbUrl }),
      startServer([], { DATABASE_URL: dbUrl }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("shares sessions and data between servers", async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const login = await fetch(`${a.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "praxis-demo" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = await login.json();

    const me = await fetch(`${b.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe("admin");

    const created = await fetch(`${b.url}/api/regions`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ code: "ER", name: "Emilia-Romagna" }),
    });
    expect(created.status).toBe(201);
    const regions = await (await fetch(`${a.url}/api/regions`, { headers: { cookie } })).json();
    expect(regions.map((r: { code: string }) => r.code)).toContain("ER");

    await fetch(`${a.url}/api/session`, { method: "DELETE", headers: { cookie, "x-csrf-token": csrfToken } });
    expect((await fetch(`${b.url}/api/me`, { headers: { cookie } })).status).toBe(401);
    const health = await (await fetch(`${b.url}/api/health`)).json();
    expect(health.database.kind).toBe("postgresql");
  });
});
