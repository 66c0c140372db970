import { describe, expect, it } from "vitest";
import { worldOfFile } from "../support/world.ts";

const w = worldOfFile();

describe("structure: regions, areas, sites, services", () => {
  it("lets every signed-in role read the structure, and refuses anonymous callers", async () => {
    for (const u of ["admin", "coordinator", "clinician1", "viewer"] as const) {
      const c = await w.as(u);
      const res = await c.get("/api/sites");
      expect(res.statusCode, u).toBe(200);
      expect(res.json().map((s: { code: string }) => s.code)).toEqual(["S1", "S2", "S3"]);
    }
    expect((await w.anonymous.get("/api/sites")).statusCode).toBe(401);
  });

  it("lets an administrator create a site with a service, and audits both", async () => {
    const admin = await w.as("admin");
    const site = await admin.post("/api/sites", {
      regionId: w.ids.region,
      areaId: w.ids.areas.south,
      code: "S4",
      name: "Site four",
    });
    expect(site.statusCode).toBe(201);
    const svc = await admin.post("/api/services", {
      siteId: site.json().id,
      code: "S4-CMHC",
      name: "CMHC",
      kind: "community_centre",
    });
    expect(svc.statusCode).toBe(201);
    const detail = await admin.get(`/api/sites/${site.json().id}`);
    expect(detail.json().services).toHaveLength(1);
    const log = await admin.get("/api/audit?entity=site&action=create");
    expect(log.json().entries[0].detail.after.code).toBe("S4");
  });

  it("refuses structure writes to every role but administrator, and changes nothing", async () => {
    for (const u of ["coordinator", "sitecoord1", "clinician1", "viewer"] as const) {
      const c = await w.as(u);
      const res = await c.post("/api/sites", { regionId: w.ids.region, code: `X-${u}`, name: "x" });
      expect(res.statusCode, u).toBe(403);
      const patch = await c.patch(`/api/sites/${w.ids.sites.s1}`, { name: "renamed" });
      expect(patch.statusCode, u).toBe(403);
    }
    const admin = await w.as("admin");
    const sites = (await admin.get("/api/sites")).json();
    expect(sites.some((s: { code: string }) => s.code.startsWith("X-"))).toBe(false);
    expect(sites.find((s: { code: string }) => s.code === "S1").name).toBe("Site one");
  });

  it("names each invalid field and rule", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/sites", { regionId: "x", code: "bad code!", name: "", extra: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .issues.map((i: { field: string }) => i.field)
      .sort();
    expect(fields).toEqual(["body.code", "body.extra", "body.name", "body.regionId"]);
  });

  it("answers 409 for a duplicate code, 404 for an unknown id, 400 for a dangling reference", async () => {
    const admin = await w.as("admin");
    const dup = await admin.post("/api/sites", { regionId: w.ids.region, code: "S1", name: "again" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().issues[0].field).toBe("body.code");
    expect((await admin.patch("/api/sites/999999", { name: "x" })).statusCode).toBe(404);
    const dangling = await admin.post("/api/sites", {
      regionId: w.ids.region,
      areaId: 999999,
      code: "S9",
      name: "x",
    });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json().issues[0].field).toBe("body.areaId");
  });
});
