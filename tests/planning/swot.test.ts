import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let s1: string;
let s2: string;
beforeAll(async () => {
  w = await createPlanningWorld();
  s1 = `${w.base}/swot/sites/${w.ids.sites.s1}`;
  s2 = `${w.base}/swot/sites/${w.ids.sites.s2}`;
});
afterAll(async () => {
  await w?.close();
});

const TAGS = [
  { code: "staff-shortage", label: "Staff shortage", cfirDomain: "inner_setting" },
  { code: "family-assoc", label: "Family associations", cfirDomain: "outer_setting" },
  { code: "info-system", label: "Information system", cfirDomain: null },
];

async function saveTags() {
  const coord = await w.as("coordinator");
  const current = await coord.get(`${w.base}/swot/tags`);
  const res = await coord.put(`${w.base}/swot/tags`, { baseVersion: current.json().version, tags: TAGS });
  expect(res.statusCode, res.body).toBe(200);
}

describe("SWOT tag vocabulary", () => {
  it("is changed by administrators and the programme's regional coordinators only", async () => {
    const allowed: PlanningUser[] = ["coordinator", "admin"];
    for (const u of EVERYONE) {
      const c = await w.user(u);
      const current = await c.get(`${w.base}/swot/tags`);
      const res = await c.put(`${w.base}/swot/tags`, {
        baseVersion: current.statusCode === 200 ? current.json().version : 0,
        tags: TAGS,
      });
      expect(res.statusCode, `${u}: ${res.body}`).toBe(allowed.includes(u) ? 200 : 403);
    }
    expect((await w.anonymous.get(`${w.base}/swot/tags`)).statusCode).toBe(401);
    const versions = (await (await w.as("admin")).get(`${w.base}/swot/tags/versions`)).json();
    expect(versions).toHaveLength(2);
  });

  it("refuses a tag twice and removing a tag a SWOT still uses", async () => {
    const coord = await w.as("coordinator");
    const { version } = (await coord.get(`${w.base}/swot/tags`)).json();
    const dup = await coord.put(`${w.base}/swot/tags`, { baseVersion: version, tags: [TAGS[0], TAGS[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues[0].field).toBe("body.tags.1.code");

    const sc = await w.as("sitecoord1");
    const base = (await sc.get(s1)).json().version;
    const save = await sc.put(s1, {
      baseVersion: base,
      items: [{ quadrant: "strength", text: "Multidisciplinary team", tags: ["info-system"] }],
    });
    expect(save.statusCode, save.body).toBe(200);
    const removal = await coord.put(`${w.base}/swot/tags`, { baseVersion: version, tags: TAGS.slice(0, 2) });
    expect(removal.statusCode).toBe(409);
    expect(removal.json().message).toContain('"info-system" in the SWOT of S1');
    expect((await coord.get(`${w.base}/swot/tags`)).json().content.tags).toHaveLength(3);
  });
});

describe("SWOT matrices", () => {
  beforeAll(saveTags);

  it("reads: the site's own people and the programme's coordinators; viewers only the region", async () => {
    const table: Array<[PlanningUser, "region" | "s1" | "s2", number]> = [
      ["admin", "s1", 200],
      ["coordinator", "s1", 200],
      ["coordinator", "region", 200],
      ["sitecoord1", "s1", 200],
      ["sitecoord1", "region", 200],
      ["sitecoord1", "s2", 403],
      ["clinician1", "s1", 200],
      ["clinician2", "s1", 403],
      ["viewer", "region", 200],
      ["viewer", "s1", 403],
      ["imrcoord", "region", 403],
      ["imrcoord", "s1", 403],
    ];
    for (const [u, scope, status] of table) {
      const url = scope === "region" ? `${w.base}/swot/region` : scope === "s1" ? s1 : s2;
      const res = await (await w.user(u)).get(url);
      expect(res.statusCode, `${u} reading ${scope}`).toBe(status);
    }
    expect((await w.anonymous.get(s1)).statusCode).toBe(401);
  });

  it("writes: a site's coordinator at their site, regional coordinators at the region, nobody else", async () => {
    const table: Array<[PlanningUser, "region" | "s1" | "s2", number]> = [
      ["sitecoord1", "s1", 200],
      ["sitecoord1", "s2", 403],
      ["sitecoord2", "s2", 200],
      ["coordinator", "region", 200],
      ["coordinator", "s1", 403],
      ["admin", "s1", 200],
      ["clinician1", "s1", 403],
      ["viewer", "region", 403],
      ["imrcoord", "region", 403],
      ["sitecoord1", "region", 403],
    ];
    for (const [u, scope, status] of table) {
      const url = scope === "region" ? `${w.base}/swot/region` : scope === "s1" ? s1 : s2;
      const admin = await w.as("admin");
      const { version } = (await admin.get(url)).json();
      const res = await (await w.user(u)).put(url, {
        baseVersion: version,
        items: [{ quadrant: "weakness", text: `written by ${u}`, tags: ["staff-shortage"] }],
      });
      expect(res.statusCode, `${u} writing ${scope}: ${res.body}`).toBe(status);
      const after = (await admin.get(url)).json();
      if (status === 200) expect(after.content.items[0].text).toBe(`written by ${u}`);
      else expect(after.version).toBe(version);
    }
    expect((await w.anonymous.put(s1, { baseVersion: 0, items: [] })).statusCode).toBe(401);
  });

  it("answers 404 for a site outside the programme and an unknown programme", async () => {
    const admin = await w.as("admin");
    const s3 = await admin.get(`${w.base}/swot/sites/${w.ids.sites.s3}`);
    expect(s3.statusCode).toBe(404);
    expect(s3.json().message).toContain("not a site of programme BPD-LOM");
    expect((await admin.get("/api/programmes/999999/planning/swot/region")).statusCode).toBe(404);
    expect((await admin.get(`${w.base}/swot/sites/999999`)).statusCode).toBe(404);
  });

  it("refuses unknown tags and bad items, naming the field", async () => {
    const sc = await w.as("sitecoord1");
    const { version } = (await sc.get(s1)).json();
    const res = await sc.put(s1, {
      baseVersion: version,
      items: [
        { quadrant: "strength", text: "ok", tags: ["family-assoc"] },
        { quadrant: "threat", text: "stigma", tags: ["family-assoc", "no-such-tag"] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      expect.objectContaining({ field: "body.items.1.tags.1", rule: "reference" }),
    ]);
    const bad = await sc.put(s1, {
      baseVersion: version,
      items: [{ quadrant: "neutral", text: "" }],
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.items.0.quadrant", "body.items.0.text", "body.extra"]),
    );
    expect((await sc.get(s1)).json().version).toBe(version);
  });

  it("answers 409 stale_version to the second of two writers, keeping the first's version", async () => {
    const sc = await w.as("sitecoord1");
    const admin = await w.as("admin");
    const { version } = (await sc.get(s1)).json();
    const first = await sc.put(s1, {
      baseVersion: version,
      items: [{ quadrant: "strength", text: "first writer", tags: [] }],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const second = await admin.put(s1, {
      baseVersion: version,
      items: [{ quadrant: "strength", text: "second writer", tags: [] }],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toBe("stale_version");
    expect(second.json().message).toContain(`version ${version + 1}`);
    expect(second.headers["x-current-version"]).toBe(String(version + 1));
    const now = (await sc.get(s1)).json();
    expect(now.version).toBe(version + 1);
    expect(now.content.items[0].text).toBe("first writer");
    const versions = (await sc.get(`${s1}/versions`)).json();
    expect(versions[0]).toMatchObject({ version: version + 1, savedBy: "sitecoord1" });
  });

  it("audits each save with before and after", async () => {
    const sc = await w.user("sitecoord2");
    const { version, content } = (await sc.get(s2)).json();
    await sc.put(s2, { baseVersion: version, items: [{ quadrant: "threat", text: "audited", tags: [] }] });
    const [entry] = await w.audit({ entity: "planning.swot" });
    expect(entry).toMatchObject({ actor: "sitecoord2", action: "update", siteId: w.ids.sites.s2 });
    expect(entry!.programmeId).toBe(w.ids.programmes.bpd);
    expect((entry!.detail.before as { items: Array<{ text: string }> }).items[0]!.text).toBe(
      content.items[0].text,
    );
    expect((entry!.detail.after as { items: Array<{ text: string }> }).items[0]!.text).toBe("audited");
  });
});

describe("common factors", () => {
  beforeAll(async () => {
    await saveTags();
    const put = async (user: PlanningUser, url: string, items: unknown[]) => {
      const c = await w.user(user);
      const { version } = (await c.get(url)).json();
      const res = await c.put(url, { baseVersion: version, items });
      expect(res.statusCode, res.body).toBe(200);
    };
    await put("sitecoord1", s1, [
      { quadrant: "weakness", text: "No social worker", tags: ["staff-shortage"] },
      { quadrant: "weakness", text: "Nurses leave", tags: ["staff-shortage"] },
      { quadrant: "strength", text: "Local family group", tags: ["family-assoc"] },
    ]);
    await put("sitecoord2", s2, [
      { quadrant: "weakness", text: "Few psychologists", tags: ["staff-shortage", "info-system"] },
      { quadrant: "opportunity", text: "Association wants to help", tags: ["family-assoc"] },
      { quadrant: "strength", text: "No tags here", tags: [] },
    ]);
    await put("coordinator", `${w.base}/swot/region`, [
      { quadrant: "weakness", text: "Shortage of mental health workers", tags: ["staff-shortage"] },
    ]);
  });

  it("counts each site once per tag and quadrant, lists them, and flags the regional SWOT", async () => {
    const res = await (await w.as("coordinator")).get(`${w.base}/swot/common-factors`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sitesInProgramme).toBe(2);
    expect(body.sitesWithSwot).toBe(2);
    const simple = body.factors.map((f: Record<string, unknown>) => [
      f.tag,
      f.quadrant,
      f.siteCount,
      (f.sites as Array<{ code: string }>).map((s) => s.code),
      f.inRegional,
    ]);
    expect(simple).toEqual([
      ["staff-shortage", "weakness", 2, ["S1", "S2"], true],
      ["family-assoc", "opportunity", 1, ["S2"], false],
      ["family-assoc", "strength", 1, ["S1"], false],
      ["info-system", "weakness", 1, ["S2"], false],
    ]);
    expect(body.factors[0]).toMatchObject({
      label: "Staff shortage",
      cfirDomain: "inner_setting",
      dimension: "internal",
    });
  });

  it("is for coordinators and administrators only", async () => {
    for (const u of EVERYONE) {
      const res = await (await w.user(u)).get(`${w.base}/swot/common-factors`);
      expect(res.statusCode, u).toBe(u === "admin" || u === "coordinator" ? 200 : 403);
    }
  });
});

describe("history, comparison and exports", () => {
  it("compares two versions item by item", async () => {
    const sc = await w.as("sitecoord1");
    const { version } = (await sc.get(s1)).json();
    const v1 = await sc.put(s1, {
      baseVersion: version,
      items: [
        { id: "w1", quadrant: "weakness", text: "No social worker", tags: ["staff-shortage"] },
        { id: "s1", quadrant: "strength", text: "Team", tags: [] },
      ],
    });
    const v2 = await sc.put(s1, {
      baseVersion: version + 1,
      items: [
        {
          id: "w1",
          quadrant: "weakness",
          text: "No social worker, no nurse",
          tags: ["staff-shortage", "info-system"],
        },
        { id: "o1", quadrant: "opportunity", text: "New funding", tags: [] },
      ],
    });
    expect([v1.statusCode, v2.statusCode]).toEqual([200, 200]);
    const cmp = await sc.get(`${s1}/versions/${version + 1}/compare/${version + 2}`);
    expect(cmp.statusCode).toBe(200);
    const changes = cmp.json().changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          type: "changed",
          path: ["items", "w1", "text"],
          before: "No social worker",
          after: "No social worker, no nurse",
        },
        { type: "added", path: ["items", "w1", "tags"], after: "info-system" },
        { type: "removed", path: ["items", "s1"], before: expect.objectContaining({ text: "Team" }) },
        { type: "added", path: ["items", "o1"], after: expect.objectContaining({ text: "New funding" }) },
      ]),
    );
    expect(changes).toHaveLength(4);
    expect(cmp.json().from.version).toBe(version + 1);
    const old = await sc.get(`${s1}/versions/${version + 1}`);
    expect(old.json().content.items[1].text).toBe("Team");
    expect((await sc.get(`${s1}/versions/999/compare/1`)).statusCode).toBe(404);
    expect((await (await w.as("clinician2")).get(`${s1}/versions`)).statusCode).toBe(403);
  });

  it("exports to XLSX and PDF for whoever may read", async () => {
    const c = await w.as("clinician1");
    const xlsx = await c.get(`${s1}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.headers["content-disposition"]).toMatch(/BPD-LOM-swot-S1-v\d+\.xlsx/);
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain("No social worker, no nurse");
    expect(sheet).toContain("Staff shortage; Information system");
    const pdf = await c.get(`${s1}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await (await w.as("viewer")).get(`${s1}/export.pdf`)).statusCode).toBe(403);
  });
});
