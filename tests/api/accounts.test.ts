import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, login, PASSWORD, type World } from "../support/world.ts";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const loginAs = (username: string, password: string, ip = "10.0.0.1") =>
  w.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password },
    headers: { "x-forwarded-for": ip },
  });

describe("login, logout, sessions", () => {
  it("logs in with the right password and sets an httpOnly, SameSite=Strict cookie", async () => {
    const res = await loginAs("clinician1", PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "praxis_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    const me = res.json();
    expect(me.username).toBe("clinician1");
    expect(me.sites.map((s: { code: string }) => s.code)).toEqual(["S1"]);
    expect(me.programmes.map((p: { code: string }) => p.code)).toEqual(["BPD-LOM"]);
  });

  it.each([
    ["wrong password", "clinician1", "not-the-password"],
    ["unknown user", "nobody", PASSWORD],
  ])("refuses a %s with 401 and the same message", async (_case, username, password) => {
    const res = await loginAs(username, password, "10.0.0.2");
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("wrong username or password");
  });

  it("rate-limits a username after 5 failures, even with the right password, with Retry-After", async () => {
    for (let i = 0; i < 5; i++)
      expect((await loginAs("clinician2", "wrong-password", `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await loginAs("clinician2", PASSWORD, "10.1.0.99");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBe("900");
    const others = await loginAs("clinician3", PASSWORD, "10.1.0.98");
    expect(others.statusCode).toBe(200);
  });

  it("ends the session on logout", async () => {
    const c = await login(w.app, "viewer", PASSWORD);
    expect((await c.get("/api/me")).statusCode).toBe(200);
    expect((await c.delete("/api/session")).statusCode).toBe(200);
    expect((await c.get("/api/me")).statusCode).toBe(401);
  });

  it("expires idle sessions and sessions past their lifetime", async () => {
    const idle = await login(w.app, "sitecoord1", PASSWORD);
    const old = await login(w.app, "sitecoord1", PASSWORD);
    const { db } = w.database;
    const hash = async (cookie: string) =>
      (await import("../../src/server/infra/auth/sessions.ts")).hashToken(cookie.split("=")[1]!);
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 9 * 3600_000) })
      .where("id_hash", "=", await hash(idle.cookie))
      .execute();
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id_hash", "=", await hash(old.cookie))
      .execute();
    expect((await idle.get("/api/me")).statusCode).toBe(401);
    expect((await old.get("/api/me")).statusCode).toBe(401);
  });

  it("refuses a state-changing request without the CSRF token, and changes nothing", async () => {
    const admin = await w.as("admin");
    const res = await w.app.inject({
      method: "POST",
      url: "/api/regions",
      headers: { cookie: admin.cookie },
      payload: { code: "CSRF", name: "forged" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/x-csrf-token/);
    const regions = (await admin.get("/api/regions")).json();
    expect(regions.map((r: { code: string }) => r.code)).not.toContain("CSRF");
  });

  it("sends security headers", async () => {
    const res = await w.anonymous.get("/api/health");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});

describe("password change and preferences", () => {
  it("checks the current password, then ends the user's other sessions", async () => {
    const a = await login(w.app, "clinician3", PASSWORD);
    const b = await login(w.app, "clinician3", PASSWORD);
    const wrong = await a.post("/api/me/password", {
      currentPassword: "nope-nope-nope",
      newPassword: "a-new-password-1",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].field).toBe("body.currentPassword");
    const short = await a.post("/api/me/password", { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0]).toMatchObject({ field: "body.newPassword", rule: "too_small" });
    const ok = await a.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: "a-new-password-1",
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get("/api/me")).statusCode).toBe(200);
    expect((await b.get("/api/me")).statusCode).toBe(401);
    expect((await loginAs("clinician3", "a-new-password-1", "10.2.0.1")).statusCode).toBe(200);
    // put it back for other tests
    await a.post("/api/me/password", { currentPassword: "a-new-password-1", newPassword: PASSWORD });
  });

  it("stores the language preference", async () => {
    const c = await login(w.app, "viewer", PASSWORD);
    const res = await c.patch("/api/me", { language: "it" });
    expect(res.json().language).toBe("it");
    expect((await c.get("/api/me")).json().language).toBe("it");
    expect((await c.patch("/api/me", { language: "de" })).statusCode).toBe(400);
  });
});

describe("bad requests get a clear 4xx and change nothing", () => {
  it.each([
    [
      "malformed JSON",
      { payload: '{"code": "X", "name": ', headers: { "content-type": "application/json" } },
      400,
      "body",
    ],
    [
      "a non-JSON content type",
      { payload: "code=X", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "body",
    ],
    [
      "an oversized body",
      {
        payload: JSON.stringify({ code: "BIG", name: "x".repeat(1_100_000) }),
        headers: { "content-type": "application/json" },
      },
      413,
      "body",
    ],
    ["an unknown field", { payload: { code: "U1", name: "x", colour: "red" } }, 400, "body.colour"],
    ["a wrong type", { payload: { code: 12, name: "x" } }, 400, "body.code"],
    ["an out-of-range value", { payload: { code: "x".repeat(65), name: "x" } }, 400, "body.code"],
  ])("%s", async (_case, opts, status, field) => {
    const admin = await w.as("admin");
    const before = (await admin.get("/api/regions")).json();
    const res = await admin.inject({ method: "POST", url: "/api/regions", ...(opts as object) });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.message).toBeTruthy();
    expect(body.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|select |insert /i);
    expect((await admin.get("/api/regions")).json()).toEqual(before);
  });

  it("answers 401, 403 and 404 distinctly", async () => {
    const admin = await w.as("admin");
    const clinician = await w.as("clinician1");
    expect((await w.anonymous.get("/api/users")).statusCode).toBe(401);
    expect((await clinician.get("/api/users")).statusCode).toBe(403);
    expect((await admin.get("/api/users/999999")).statusCode).toBe(404);
    expect((await admin.get("/api/no-such-thing")).statusCode).toBe(404);
  });

  it("serves the OpenAPI document publicly, and health reports the database", async () => {
    const doc = await w.anonymous.get("/api/docs/json");
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain("/api/sites/{id}");
    const health = (await w.anonymous.get("/api/health")).json();
    expect(health.database.kind).toBe(process.env.PRAXIS_TEST_DB === "postgres" ? "postgresql" : "pglite");
  });
});
