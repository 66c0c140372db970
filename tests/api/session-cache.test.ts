import pg from "pg";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../src/server/infra/auth/sessions.ts";
import { secondServerOf } from "../support/second-server.ts";
import { type Client, login, PASSWORD, worldOfFile } from "../support/world.ts";

/**
 * The per-process session cache: a session is resolved from the database once and then served
 * from memory, and every change that alters or revokes it — logout, password change, a new
 * grant, deactivation, a coordinated programme's sites, made through the API or straight in the
 * database (the CLI, another server) — is seen by the very next request.
 */
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";

const w = worldOfFile(async () => {});

const tokenOf = (c: Client) => c.cookie.split("=")[1]!;
const grantsOf = async (c: Client) =>
  ((await c.get("/api/me")).json().grants as Array<{ role: string }>).map((g) => g.role);

describe("the session cache", () => {
  it("serves a session from memory after the first request", async () => {
    const c = await login(w.app, "clinician1", PASSWORD);
    expect((await c.get("/api/me")).statusCode).toBe(200);
    const idHash = hashToken(tokenOf(c));
    const cached = w.app.sessions.cache.get(idHash);
    expect(cached?.principal.username).toBe("clinician1");
    // the same frozen object answers again: no database lookup in between
    expect(await w.app.sessions.resolve(tokenOf(c))).toBe(cached!.principal);
    expect(Object.isFrozen(cached!.principal.grants)).toBe(true);
  });

  it("a role change through the API applies to the user's next request", async () => {
    const admin = await w.as("admin");
    const c = await login(w.app, "clinician2", PASSWORD);
    const site = w.ids.sites.s2;
    expect((await c.get(`/api/sites/${site}/worklists`)).statusCode).toBe(200);
    const { id } = (await c.get("/api/me")).json();
    const patch = await admin.patch(`/api/users/${id}`, {
      grants: [{ role: "clinician", siteId: w.ids.sites.s3 }],
    });
    expect(patch.statusCode).toBe(200);
    expect((await c.get(`/api/sites/${site}/worklists`)).statusCode).toBe(403);
    expect((await c.get(`/api/sites/${w.ids.sites.s3}/worklists`)).statusCode).toBe(200);
  });

  it("a grant written straight into the database (CLI, another server) applies at once", async () => {
    const c = await login(w.app, "viewer", PASSWORD);
    expect(await grantsOf(c)).toEqual(["viewer"]);
    const { id } = (await c.get("/api/me")).json();
    await w.database.db
      .insertInto("user_roles")
      .values({ user_id: id, role: "site_coordinator", site_id: w.ids.sites.s1 })
      .execute();
    expect(await grantsOf(c)).toEqual(["viewer", "site_coordinator"]);
    await w.database.db
      .deleteFrom("user_roles")
      .where("user_id", "=", id)
      .where("role", "=", "site_coordinator")
      .execute();
    expect(await grantsOf(c)).toEqual(["viewer"]);
  });

  it("deactivating a user refuses their cached session at once", async () => {
    const admin = await w.as("admin");
    const c = await login(w.app, "clinician3", PASSWORD);
    const { id } = (await c.get("/api/me")).json();
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await c.get("/api/me")).statusCode).toBe(401);
    expect(w.app.sessions.cache.get(hashToken(tokenOf(c)))).toBeUndefined();
    await admin.patch(`/api/users/${id}`, { active: true });
  });

  it("a user deactivated in the database directly is refused too", async () => {
    const c = await login(w.app, "sitecoord1", PASSWORD);
    const { id } = (await c.get("/api/me")).json();
    await w.database.db.updateTable("users").set({ active: false }).where("id", "=", id).execute();
    expect((await c.get("/api/me")).statusCode).toBe(401);
    await w.database.db.updateTable("users").set({ active: true }).where("id", "=", id).execute();
  });

  it("a coordinator sees a site added to their programme on the next request", async () => {
    const c = await login(w.app, "coordinator", PASSWORD);
    const sitesOf = async () =>
      ((await c.get("/api/me")).json().sites as Array<{ id: number; canReadData: boolean }>)
        .filter((s) => s.canReadData)
        .map((s) => s.id);
    expect(await sitesOf()).not.toContain(w.ids.sites.s3);
    await w.database.db
      .insertInto("programme_sites")
      .values({ programme_id: w.ids.programmes.bpd, site_id: w.ids.sites.s3 })
      .execute();
    expect(await sitesOf()).toContain(w.ids.sites.s3);
    await w.database.db
      .deleteFrom("programme_sites")
      .where("programme_id", "=", w.ids.programmes.bpd)
      .where("site_id", "=", w.ids.sites.s3)
      .execute();
    expect(await sitesOf()).not.toContain(w.ids.sites.s3);
  });

  it("logout and a password change end cached sessions", async () => {
    const a = await login(w.app, "clinician1", PASSWORD);
    const b = await login(w.app, "clinician1", PASSWORD);
    expect((await a.get("/api/me")).statusCode).toBe(200);
    expect((await b.get("/api/me")).statusCode).toBe(200);
    expect((await a.delete("/api/session")).statusCode).toBe(200);
    expect((await a.get("/api/me")).statusCode).toBe(401);
    const c = await login(w.app, "clinician1", PASSWORD);
    expect((await c.get("/api/me")).statusCode).toBe(200);
    const changed = await b.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: `${PASSWORD}-2`,
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get("/api/me")).statusCode).toBe(401);
    expect((await b.get("/api/me")).statusCode).toBe(200);
    await b.post("/api/me/password", { currentPassword: `${PASSWORD}-2`, newPassword: PASSWORD });
  });

  it("a cached session idle past the limit asks the database, which ends it", async () => {
    const c = await login(w.app, "clinician2", PASSWORD);
    expect((await c.get("/api/me")).statusCode).toBe(200);
    const idHash = hashToken(tokenOf(c));
    const entry = w.app.sessions.cache.get(idHash)!;
    // as if nine hours had passed since this server last saw it (the limit is eight)
    entry.lastSeenAt -= 9 * 3600_000;
    await w.database.db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 9 * 3600_000) })
      .where("id_hash", "=", idHash)
      .execute();
    expect((await c.get("/api/me")).statusCode).toBe(401);
  });

  it("a session idle here but seen by another server stays valid", async () => {
    const c = await login(w.app, "clinician2", PASSWORD);
    expect((await c.get("/api/me")).statusCode).toBe(200);
    const entry = w.app.sessions.cache.get(hashToken(tokenOf(c)))!;
    entry.lastSeenAt -= 9 * 3600_000; // stale here; the database still has it seen just now
    expect((await c.get("/api/me")).statusCode).toBe(200);
  });
});

describe.skipIf(!onPostgres)("the session cache across two servers on PostgreSQL", () => {
  const second = secondServerOf(w);

  const onSecond = (c: Client) => ({
    get: (url: string) => second.app.inject({ method: "GET", url, headers: { cookie: c.cookie } }),
  });

  it("a logout acknowledged on one server is refused by the other on the next request, every time", async () => {
    // the race the LISTEN barrier closes: the revocation's notification may still be in flight
    // when the next request reaches the other server
    for (let i = 0; i < 40; i++) {
      const c = await login(w.app, "clinician1", PASSWORD);
      expect((await onSecond(c).get("/api/me")).statusCode).toBe(200);
      await c.delete("/api/session");
      expect((await onSecond(c).get("/api/me")).statusCode).toBe(401);
    }
  });

  it("a session deleted through another connection is never served from the cache afterwards", async () => {
    // tighter than HTTP: the delete's commit returns, and the other server resolves at once,
    // with no I/O in between that would let its LISTEN socket be read first
    const c = await login(w.app, "clinician1", PASSWORD);
    const token = tokenOf(c);
    for (let i = 0; i < 100; i++) {
      const made = await login(w.app, "clinician1", PASSWORD);
      const t = tokenOf(made);
      expect(await second.app.sessions.resolve(t)).not.toBeNull();
      expect(await second.app.sessions.resolve(t)).not.toBeNull();
      await w.database.db.deleteFrom("sessions").where("id_hash", "=", hashToken(t)).execute();
      expect(await second.app.sessions.resolve(t)).toBeNull();
    }
    expect(await second.app.sessions.resolve(token)).not.toBeNull();
  });

  it("a role change on one server applies on the other at once", async () => {
    const admin = await w.as("admin");
    const c = await login(w.app, "clinician2", PASSWORD);
    const { id } = (await c.get("/api/me")).json();
    await admin.patch(`/api/users/${id}`, { grants: [{ role: "clinician", siteId: w.ids.sites.s2 }] });
    expect((await onSecond(c).get(`/api/sites/${w.ids.sites.s2}/worklists`)).statusCode).toBe(200);
    await admin.patch(`/api/users/${id}`, { grants: [{ role: "clinician", siteId: w.ids.sites.s1 }] });
    expect((await onSecond(c).get(`/api/sites/${w.ids.sites.s2}/worklists`)).statusCode).toBe(403);
    await admin.patch(`/api/users/${id}`, { grants: [{ role: "clinician", siteId: w.ids.sites.s2 }] });
    expect((await onSecond(c).get(`/api/sites/${w.ids.sites.s2}/worklists`)).statusCode).toBe(200);
  });

  it("fails closed when its LISTEN connection is killed: a revoked session is never used", async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const sessions = second.app.sessions;
      const c = await login(w.app, "clinician1", PASSWORD);
      expect((await onSecond(c).get("/api/me")).statusCode).toBe(200);
      expect(sessions.cache.get(hashToken(tokenOf(c)))).toBeDefined();
      const pid = sessions.listener.backendPid;
      expect(pid).toBeTypeOf("number");
      await admin.query("select pg_terminate_backend($1)", [pid]);
      // at once, before the second server may even have noticed the drop
      await c.delete("/api/session");
      expect((await onSecond(c).get("/api/me")).statusCode).toBe(401);

      // while it is down (or as soon as it notices), the cache is empty and unused
      const d = await login(w.app, "clinician1", PASSWORD);
      expect((await onSecond(d).get("/api/me")).statusCode).toBe(200);
      await w.database.db
        .deleteFrom("sessions")
        .where("id_hash", "=", hashToken(tokenOf(d)))
        .execute();
      expect((await onSecond(d).get("/api/me")).statusCode).toBe(401);

      // it listens again on a new backend, and caches again
      const started = Date.now();
      while (!(sessions.listener.healthy && sessions.listener.backendPid !== pid)) {
        if (Date.now() - started > 15_000) throw new Error("the listener did not come back");
        await new Promise((r) => setTimeout(r, 50));
      }
      const e = await login(w.app, "clinician1", PASSWORD);
      expect((await onSecond(e).get("/api/me")).statusCode).toBe(200);
      expect(sessions.cache.get(hashToken(tokenOf(e)))).toBeDefined();
      await e.delete("/api/session");
      expect((await onSecond(e).get("/api/me")).statusCode).toBe(401);
    } finally {
      await admin.end();
    }
  });
});
