import { describe, expect, it } from "vitest";
import { login, worldOfFile } from "../support/world.ts";

const w = worldOfFile();

describe("user administration", () => {
  it("lets an administrator create a clinician who must change the password at first login", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/users", {
      username: "nurse.s2",
      displayName: "Nurse at S2",
      password: "temporary-pass-1",
      grants: [{ role: "clinician", siteId: w.ids.sites.s2 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: "nurse.s2",
      mustChangePassword: true,
      grants: [{ role: "clinician", siteId: w.ids.sites.s2 }],
    });
    const c = await login(w.app, "nurse.s2", "temporary-pass-1");
    const me = (await c.get("/api/me")).json();
    expect(me.mustChangePassword).toBe(true);
    expect(me.sites.map((s: { code: string }) => s.code)).toEqual(["S2"]);
  });

  it.each([
    ["a clinician without a site", [{ role: "clinician" }], "body.grants.0.siteId"],
    [
      "a regional coordinator without a programme",
      [{ role: "regional_coordinator" }],
      "body.grants.0.programmeId",
    ],
    ["an administrator with a site", [{ role: "administrator", siteId: 1 }], "body.grants.0.siteId"],
    ["an unknown role", [{ role: "superuser" }], "body.grants.0.role"],
    ["no role at all", [], "body.grants"],
    ["a site that does not exist", [{ role: "clinician", siteId: 999999 }], "body.grants.0.siteId"],
  ])("refuses %s, naming the field", async (_case, grants, field) => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/users", {
      username: "bad.grant",
      password: "temporary-pass-1",
      grants,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    const users = (await admin.get("/api/users")).json();
    expect(users.map((u: { username: string }) => u.username)).not.toContain("bad.grant");
  });

  it("refuses a duplicate username regardless of case", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/users", {
      username: "Clinician1",
      password: "temporary-pass-1",
      grants: [{ role: "viewer" }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().issues[0].field).toBe("body.username");
  });

  it.each(["coordinator", "sitecoord1", "clinician1", "viewer"] as const)(
    "refuses user administration to %s",
    async (u) => {
      const c = await w.as(u);
      expect((await c.get("/api/users")).statusCode).toBe(403);
      expect((await c.get("/api/users/1")).statusCode).toBe(403);
      expect(
        (
          await c.post("/api/users", {
            username: `x-${u}`,
            password: "temporary-pass-1",
            grants: [{ role: "administrator" }],
          })
        ).statusCode,
      ).toBe(403);
      expect((await c.patch("/api/users/1", { active: false })).statusCode).toBe(403);
    },
  );

  it("deactivating a user ends their sessions; the last administrator cannot be removed", async () => {
    const admin = await w.as("admin");
    const victim = await login(w.app, "clinician2", "correct-horse-battery");
    const users = (await admin.get("/api/users")).json();
    const id = users.find((u: { username: string }) => u.username === "clinician2").id;
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await victim.get("/api/me")).statusCode).toBe(401);
    const adminId = users.find((u: { username: string }) => u.username === "admin").id;
    const res = await admin.patch(`/api/users/${adminId}`, { grants: [{ role: "viewer" }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].rule).toBe("last_administrator");
    expect((await admin.get(`/api/users/${adminId}`)).json().grants[0].role).toBe("administrator");
  });

  it("replaces roles in one audited change", async () => {
    const admin = await w.as("admin");
    const users = (await admin.get("/api/users")).json();
    const id = users.find((u: { username: string }) => u.username === "clinician3").id;
    const res = await admin.patch(`/api/users/${id}`, {
      grants: [
        { role: "clinician", siteId: w.ids.sites.s3 },
        { role: "regional_coordinator", programmeId: w.ids.programmes.imr },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toHaveLength(2);
    const log = (await admin.get(`/api/audit?entity=user&entityId=${id}`)).json();
    expect(log.entries[0].detail.before.grants).toHaveLength(1);
    expect(log.entries[0].detail.after.grants).toHaveLength(2);
  });
});
