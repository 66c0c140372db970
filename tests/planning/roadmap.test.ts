import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningWorld, EVERYONE, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
beforeAll(async () => {
  w = await createPlanningWorld();
});
afterAll(async () => {
  await w?.close();
});

const OBJECTIVE = {
  objective: "Consolidate the specialist team for young people in the CMHC",
  conditions: ["Permanent staff assigned", "Supervision on DBT"],
  timeframe: "within 12 months",
  targetDate: "2025-12-31",
  status: "in_progress",
};

describe("implementation roadmap", () => {
  it("is compiled by each site's coordinator and by the region's coordinators", async () => {
    const url = `${w.base}/roadmap/sites/${w.ids.sites.s1}`;
    for (const u of EVERYONE) {
      const { version } = (await (await w.as("admin")).get(url)).json();
      const res = await (await w.user(u)).put(url, { baseVersion: version, objectives: [OBJECTIVE] });
      expect(res.statusCode, u).toBe(u === "admin" || u === "sitecoord1" ? 200 : 403);
    }
    const region = await (await w.as("coordinator")).put(`${w.base}/roadmap/region`, {
      baseVersion: 0,
      objectives: [{ ...OBJECTIVE, objective: "Activate a regional care pathway" }],
    });
    expect(region.statusCode).toBe(200);
    const bad = await (await w.as("sitecoord1")).put(url, {
      baseVersion: 2,
      objectives: [{ ...OBJECTIVE, targetDate: "2025-13-01", timeframe: "" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(["body.objectives.0.targetDate", "body.objectives.0.timeframe"]);
  });

  it("shows which sites have not compiled theirs", async () => {
    // S2 saved an empty roadmap: saved, but not compiled.
    await (await w.user("sitecoord2")).put(`${w.base}/roadmap/sites/${w.ids.sites.s2}`, {
      baseVersion: 0,
      objectives: [],
    });
    const res = await (await w.as("coordinator")).get(`${w.base}/roadmap/compliance`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ expected: 2, compiled: 1, missing: ["S2"] });
    expect(body.region).toMatchObject({ compiled: true, version: 1, objectives: 1, savedBy: "coordinator" });
    expect(
      body.sites.map((s: { code: string; compiled: boolean; version: number }) => [
        s.code,
        s.compiled,
        s.version,
      ]),
    ).toEqual([
      ["S1", true, 2],
      ["S2", false, 1],
    ]);
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const)
      expect((await (await w.user(u)).get(`${w.base}/roadmap/compliance`)).statusCode, u).toBe(403);
    expect((await w.anonymous.get(`${w.base}/roadmap/compliance`)).statusCode).toBe(401);
  });

  it("exports to XLSX and PDF", async () => {
    const c = await w.as("clinician1");
    const x = await c.get(`${w.base}/roadmap/sites/${w.ids.sites.s1}/export.xlsx`);
    const sheet = strFromU8(unzipSync(new Uint8Array(x.rawPayload))["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain("Permanent staff assigned");
    const p = await c.get(`${w.base}/roadmap/sites/${w.ids.sites.s1}/export.pdf`);
    expect(p.statusCode).toBe(200);
    expect(p.headers["content-disposition"]).toContain("BPD-LOM-roadmap-S1-v2.pdf");
  });
});
