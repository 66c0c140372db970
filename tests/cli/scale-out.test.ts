import fs from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { type DemoServer, twoServersOnDemo } from "../support/demo-database.ts";
import { loginOverHttp } from "../support/spawn.ts";

/**
 * Two `praxis serve` processes on one PostgreSQL database behave as one system: a session made
 * on one is valid on the other, a write through one is read through the other, and a logout,
 * a role change or a deactivation on one applies on the other at once — each server caches
 * sessions and hears every change over LISTEN/NOTIFY, and refuses to trust its cache while that
 * connection is down.
 */
const url = process.env.DATABASE_URL;
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres" && !!url;

describe.skipIf(!onPostgres)("scale-out on PostgreSQL", () => {
  const demo = twoServersOnDemo("praxis_scale", [], 120_000);

  it("shares sessions and data between servers", async () => {
    const [a, b] = demo.servers as [DemoServer, DemoServer];
    const { cookie, csrfToken } = await loginOverHttp(a.url, "admin");

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

  const call = (
    server: DemoServer,
    s: { cookie: string; csrfToken: string },
    method: string,
    path: string,
    body?: unknown,
  ) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: s.cookie,
        "x-csrf-token": s.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("a role change and a deactivation on one server apply on the other at once", async () => {
    const [a, b] = demo.servers as [DemoServer, DemoServer];
    const admin = await loginOverHttp(a.url, "admin");
    const users = (await (await call(a, admin, "GET", "/api/users")).json()) as Array<{
      id: number;
      username: string;
      grants: Array<{ role: string; programmeId: number | null; siteId: number | null }>;
    }>;
    const target = users.find((u) => u.username === "clinician")!;
    const site = target.grants[0]!.siteId!;
    const sites = (await (await call(a, admin, "GET", "/api/me")).json()).sites as Array<{ id: number }>;
    const other = sites.find((x) => x.id !== site)!.id;
    const clinician = await loginOverHttp(a.url, "clinician");
    expect((await call(b, clinician, "GET", `/api/sites/${site}/worklists`)).status).toBe(200);

    const moved = await call(a, admin, "PATCH", `/api/users/${target.id}`, {
      grants: [{ role: "clinician", siteId: other }],
    });
    expect(moved.status).toBe(200);
    expect((await call(b, clinician, "GET", `/api/sites/${site}/worklists`)).status).toBe(403);
    expect((await call(b, clinician, "GET", `/api/sites/${other}/worklists`)).status).toBe(200);

    expect((await call(a, admin, "PATCH", `/api/users/${target.id}`, { active: false })).status).toBe(200);
    expect((await call(b, clinician, "GET", "/api/me")).status).toBe(401);
    await call(a, admin, "PATCH", `/api/users/${target.id}`, {
      active: true,
      grants: [{ role: "clinician", siteId: site }],
    });
  });

  it("a dashboard cached on one server shows a patient enrolled through the other at once", async () => {
    const [a, b] = demo.servers as [DemoServer, DemoServer];
    const admin = await loginOverHttp(a.url, "admin");
    const programmes = (await (await call(a, admin, "GET", "/api/programmes")).json()) as Array<{
      id: number;
      siteCount: number;
    }>;
    const programme = programmes.find((p) => p.siteCount > 0)!;
    const detail = (await (await call(a, admin, "GET", `/api/programmes/${programme.id}`)).json()) as {
      sites: Array<{ siteId: number }>;
    };
    const siteId = detail.sites[0]!.siteId;
    type Values = { indicators: Array<{ id: string; site: string | null; value: number | null }> };
    const indicatorsOn = async (server: DemoServer) => {
      const res = await call(server, admin, "GET", `/api/programmes/${programme.id}/indicators?ids=enrolled`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Values & { sites: Array<{ id: number; code: string }> };
      const code = body.sites.find((x) => x.id === siteId)!.code;
      return body.indicators.find((r) => r.id === "enrolled" && r.site === code)!.value ?? 0;
    };
    // twice on a: the second answer comes from a's memory (version and response cached)
    const before = await indicatorsOn(a);
    expect(await indicatorsOn(a)).toBe(before);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
    const patient = await call(b, admin, "POST", "/api/patients", {
      birthYear: Number(today.slice(0, 4)) - 24,
      sex: "F",
      firstContactDate: today,
      siteId,
    });
    expect(patient.status).toBe(201);
    const enrolled = await call(b, admin, "POST", "/api/enrolments", {
      patientId: (await patient.json()).id,
      programmeId: programme.id,
      siteId,
      enrolmentDate: today,
      primaryDiagnosis: "F60.31",
      overrideReason: "scale-out test: enrolled whatever the eligibility rules say",
    });
    expect(enrolled.status, await enrolled.clone().text()).toBe(201);
    expect(await indicatorsOn(a)).toBe(before + 1);
  });

  it("a server whose LISTEN connection was killed never serves a session revoked meanwhile", async () => {
    const [a, b] = demo.servers as [DemoServer, DemoServer];
    const admin = new pg.Client({ connectionString: demo.url });
    await admin.connect();
    // `serve` runs one worker per core here: b's listeners are its workers' (children's)
    const listenersOf = async (server: DemoServer) => {
      const children = fs
        .readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      const { rows } = await admin.query<{ pid: number }>(
        // a listener is named `praxis listen <pid>-<random>` (infra/db/instance.ts)
        "select pid from pg_stat_activity where datname = current_database() and application_name like any($1)",
        [children.map((c) => `praxis listen ${c}-%`)],
      );
      return { workers: children.length, pids: rows.map((r) => r.pid) };
    };
    // eight requests at once open several connections, which b's primary hands to its workers in turn
    const onEveryWorker = (server: DemoServer, session: { cookie: string; csrfToken: string }) =>
      Promise.all(
        Array.from({ length: 8 }, () => call(server, session, "GET", "/api/me").then((r) => r.status)),
      );
    try {
      const s = await loginOverHttp(a.url, "viewer");
      // cached on b's workers
      expect(await onEveryWorker(b, s)).toEqual(Array(8).fill(200));
      const killed = await listenersOf(b);
      expect(killed.pids.length).toBe(killed.workers);
      expect(killed.pids.length).toBeGreaterThan(0);
      await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) as pid", [killed.pids]);
      expect((await call(a, s, "DELETE", "/api/session")).status).toBe(200);
      expect(await onEveryWorker(b, s)).toEqual(Array(8).fill(401));

      // b listens again on new backends, and a logout on a is still refused on b at once
      const started = Date.now();
      for (;;) {
        const now = await listenersOf(b);
        if (now.pids.length === killed.workers && !now.pids.some((p) => killed.pids.includes(p))) break;
        if (Date.now() - started > 20_000) throw new Error("b did not listen again");
        await new Promise((r) => setTimeout(r, 100));
      }
      const t = await loginOverHttp(a.url, "viewer");
      expect(await onEveryWorker(b, t)).toEqual(Array(8).fill(200));
      expect((await call(a, t, "DELETE", "/api/session")).status).toBe(200);
      expect(await onEveryWorker(b, t)).toEqual(Array(8).fill(401));
    } finally {
      await admin.end();
    }
  });
});
