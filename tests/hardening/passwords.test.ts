import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../src/server/infra/auth/password-policy.ts";
import { issuesOf } from "../support/registry-world.ts";
import { login, PASSWORD, worldOfFile } from "../support/world.ts";

/** Issue 14, defect 4: NIST 800-63B policy, throttled password change, must_change_password enforced. */
const w = worldOfFile();

describe("the password policy", () => {
  it.each([
    ["eleven-char", "too_small"],
    ["            ", "blank"],
    ["\t \t \t \t \t \t ", "blank"],
    ["password1234", "common"],
    ["PassWordPassWord", "common"],
    ["qwertyuiopasdfghjkl", "common"],
    ["1qaz2wsx3edc", "common"],
  ])("refuses %j (%s)", (pw, rule) => {
    expect(passwordProblem(pw)?.rule).toBe(rule);
  });

  it("accepts a long uncommon passphrase, without composition rules, and refuses the username in it", () => {
    expect(passwordProblem("blue tractor in the orchard")).toBeNull();
    expect(passwordProblem("clinician1-is-me-today", "clinician1")?.rule).toBe("same_as_username");
  });

  it("an administrator cannot set a common or short password (400 naming the field and rule)", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/users", {
      username: "newbie",
      password: "password1234",
      grants: [{ role: "viewer", programmeId: null, siteId: null }],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(["body.password:common"]);
    const short = await admin.post("/api/users", {
      username: "newbie",
      password: "short-one",
      grants: [{ role: "viewer", programmeId: null, siteId: null }],
    });
    expect(issuesOf(short)).toEqual(["body.password:too_small"]);
  });
});

describe("must_change_password is enforced", () => {
  it("allows only the password change, GET/PATCH /api/me and logout until the password is changed", async () => {
    const admin = await w.as("admin");
    const created = await admin.post("/api/users", {
      username: "fresh1",
      password: "first-password-given",
      grants: [{ role: "clinician", programmeId: null, siteId: w.ids.sites.s1 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = await login(w.app, "fresh1", "first-password-given");
    expect((await c.get("/api/me")).json().mustChangePassword).toBe(true);
    for (const url of ["/api/patients", "/api/programmes", `/api/sites`]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toBe("password_change_required");
    }
    expect((await c.post("/api/patients", {})).json().error).toBe("password_change_required");
    expect((await c.patch("/api/me", { language: "it" })).statusCode).toBe(200);
    const changed = await c.post("/api/me/password", {
      currentPassword: "first-password-given",
      newPassword: "my-very-own-secret-9",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await c.get("/api/programmes")).statusCode).toBe(200);
  });

  it("logout works before the change", async () => {
    const admin = await w.as("admin");
    await admin.post("/api/users", {
      username: "fresh2",
      password: "first-password-given",
      grants: [{ role: "viewer", programmeId: null, siteId: null }],
    });
    const c = await login(w.app, "fresh2", "first-password-given");
    expect((await c.delete("/api/session")).statusCode).toBe(200);
  });
});

describe("password change is throttled like login", () => {
  it("refuses the 6th wrong current password with 429, even when the 6th is right", async () => {
    const c = await w.as("clinician2");
    for (let i = 0; i < 5; i++) {
      const res = await c.post("/api/me/password", {
        currentPassword: `wrong-guess-${i}`,
        newPassword: "another-long-secret-1",
      });
      expect(res.statusCode).toBe(400);
    }
    const blocked = await c.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: "another-long-secret-1",
    });
    expect(blocked.statusCode).toBe(429);
  });

  it("50 concurrent guesses check at most 5 passwords", async () => {
    const c = await w.as("clinician3");
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.post("/api/me/password", {
          currentPassword: `wrong-guess-${i}`,
          newPassword: "another-long-secret-1",
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode !== 429).length).toBeLessThanOrEqual(5);
  });
});
