import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
let otherRegion: number;
let otherSite: number;
let protocolId: number;
let dimA: string;
let dimB: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

/** A multipart body with one file in the field `file`. */
function multipart(fileName: string, bytes: Buffer, field = "file") {
  const boundary = "----praxis-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const content = (over: Record<string, unknown> = {}) => ({
  title: "Co-occurring conditions protocol",
  summary: "How services of the area work together.",
  dimensions: [
    {
      id: "dim-assess",
      title: "Shared assessment",
      expected: "Services agree which screening instruments they use and trust each other's assessments.",
      examples: ["Everyone screens alcohol use with AUDIT."],
      caseStudies: [{ title: "North area", text: "The North area agreed on one referral form in 2024." }],
    },
    {
      id: "dim-path",
      title: "Agreed pathways",
      expected: "Written pathways by level of need.",
      examples: [],
      caseStudies: [],
    },
  ],
  ...over,
});

beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  otherRegion = (
    await db
      .insertInto("regions")
      .values({ code: "VEN", name: "Veneto" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const area = await db
    .insertInto("areas")
    .values({ region_id: otherRegion, code: "V-1", name: "V one" })
    .returning("id")
    .executeTakeFirstOrThrow();
  otherSite = (
    await db
      .insertInto("sites")
      .values({ region_id: otherRegion, area_id: area.id, code: "V1", name: "Venice" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await w?.close();
});

describe("protocols: create and version", () => {
  it.each<Username>(["sitecoord1", "clinician1", "viewer"])(
    "refuses %s creating a protocol with 403",
    async (u) => {
      const res = await (await w.as(u)).post("/api/protocols", {
        regionId: w.ids.region,
        language: "en",
        content: content(),
      });
      expect(res.statusCode).toBe(403);
    },
  );

  it("refuses a coordinator creating one in another region", async () => {
    const res = await (await w.as("coordinator")).post("/api/protocols", {
      regionId: otherRegion,
      language: "en",
      content: content(),
    });
    expect(res.statusCode).toBe(403);
  });

  it("lets the region's coordinator create one, audited", async () => {
    const res = await (await w.as("coordinator")).post("/api/protocols", {
      regionId: w.ids.region,
      language: "en",
      content: content(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    protocolId = p.id;
    expect(p.version).toBe(1);
    expect(p.canEdit).toBe(true);
    [dimA, dimB] = p.content.dimensions.map((d: { id: string }) => d.id);
    expect(dimA).toBe("dim-assess");
    expect(p.content.dimensions[0].caseStudies[0].id).toMatch(/^case-/);
    const audit = await w.audit({ entity: "protocol", entityId: protocolId });
    expect(audit[0]!.action).toBe("create");
  });

  it.each<Username>(["sitecoord1", "clinician1", "clinician3", "viewer", "admin"])(
    "lets %s of the region read it",
    async (u) => {
      const res = await (await w.as(u)).get(`/api/protocols/${protocolId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().canEdit).toBe(u === "admin");
    },
  );

  it("refuses users of other regions reading it, and lists none for them", async () => {
    const { db } = w.database;
    const { createUser } = await import("../../src/server/users/create-user.ts");
    const { SYSTEM } = await import("../../src/server/infra/audit/audit.ts");
    const { login, PASSWORD } = await import("../support/world.ts");
    await createUser(db, SYSTEM, {
      username: "venice",
      password: PASSWORD,
      grants: [{ role: "clinician", programmeId: null, siteId: otherSite }],
    });
    const venice = await login(w.app, "venice", PASSWORD);
    expect((await venice.get(`/api/protocols/${protocolId}`)).statusCode).toBe(403);
    expect((await venice.get("/api/protocols")).json()).toEqual([]);
    expect((await venice.get("/api/protocols/search?q=assessment")).json().hits).toEqual([]);
  });

  it("saves a new version with the base version, refuses a stale one with 409 and stores nothing", async () => {
    const coord = await w.as("coordinator");
    const ok = await coord.put(`/api/protocols/${protocolId}`, {
      ...content({ title: "Protocol v2" }),
      baseVersion: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await coord.put(`/api/protocols/${protocolId}`, {
      ...content({ title: "lost" }),
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().issues[0]).toMatchObject({ field: "body.baseVersion", rule: "stale_version" });
    expect((await coord.get(`/api/protocols/${protocolId}`)).json().content.title).toBe("Protocol v2");
    const versions = (await coord.get(`/api/protocols/${protocolId}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await coord.get(`/api/protocols/${protocolId}/versions/1`)).json().content.title).toBe(
      "Co-occurring conditions protocol",
    );
  });

  it("refuses a site coordinator saving, and two dimensions with one id naming the field", async () => {
    const res = await (await w.as("sitecoord1")).put(`/api/protocols/${protocolId}`, {
      ...content(),
      baseVersion: 2,
    });
    expect(res.statusCode).toBe(403);
    const dup = content();
    (dup.dimensions[1] as { id: string }).id = "dim-assess";
    const bad = await (await w.as("coordinator")).put(`/api/protocols/${protocolId}`, {
      ...dup,
      baseVersion: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ field: "body.dimensions.1.id", rule: "duplicate" });
  });

  it("creates a protocol from the MHSU template in Italian", async () => {
    const res = await (await w.as("coordinator")).post("/api/protocols", {
      regionId: w.ids.region,
      language: "it",
      template: "mhsu",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().language).toBe("it");
    expect(res.json().content.dimensions.length).toBe(7);
    const templates = (await (await w.as("clinician1")).get("/api/protocols/templates")).json();
    expect(templates.map((t: { language: string }) => t.language)).toEqual(["en", "it"]);
  });
});

describe("protocols: search", () => {
  it("finds a case study by a stemmed English word, with its dimension, ranked", async () => {
    const res = await (await w.as("clinician1")).get("/api/protocols/search?q=referrals");
    expect(res.statusCode).toBe(200);
    const hit = res.json().hits.find((h: { kind: string }) => h.kind === "case_study");
    expect(hit).toMatchObject({
      protocolId,
      dimensionId: "dim-assess",
      dimensionTitle: "Shared assessment",
      title: "North area",
    });
    expect(hit.snippet).toContain("«referral»");
  });

  it("searches Italian text with the Italian configuration (stems)", async () => {
    // "valutazioni" and "valutazione" share the Italian stem; the English configuration would not match them.
    const res = await (await w.as("sitecoord1")).get(
      `/api/protocols/search?q=${encodeURIComponent("valutazioni")}`,
    );
    const hits = res.json().hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h: { language: string }) => h.language === "it")).toBe(true);
    expect(hits[0].dimensionTitle).toBe("Un modo condiviso di valutare i bisogni");
    const ranks = hits.map((h: { rank: number }) => h.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("refuses a query that is too short naming the field", async () => {
    const res = await (await w.as("clinician1")).get("/api/protocols/search?q=a");
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe("querystring.q");
  });

  it("has the text-search configurations the indexes use", async () => {
    const { sql } = await import("kysely");
    const { rows } = await sql<{
      cfgname: string;
    }>`select cfgname from pg_ts_config where cfgname in ('english', 'italian') order by 1`.execute(
      w.database.db,
    );
    expect(rows.map((r) => r.cfgname)).toEqual(["english", "italian"]);
  });
});

describe("protocols: tools", () => {
  const url = () => `/api/protocols/${protocolId}/dimensions/${dimA}/tools`;

  it("lets the coordinator upload a PDF and anyone of the region download it", async () => {
    const res = await (await w.as("coordinator")).inject({
      method: "POST",
      url: url(),
      ...multipart("Stakeholder map.pdf", PDF),
    });
    expect(res.statusCode, res.body).toBe(201);
    const tool = res.json();
    expect(tool).toMatchObject({
      dimensionId: dimA,
      fileName: "Stakeholder map.pdf",
      mediaType: "application/pdf",
      sizeBytes: PDF.length,
    });
    const down = await (await w.as("clinician2")).get(`/api/protocols/tools/${tool.id}/download`);
    expect(down.statusCode).toBe(200);
    expect(down.headers["content-disposition"]).toContain('filename="Stakeholder map.pdf"');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await w.audit({ entity: "protocol_tool", entityId: tool.id }))[0]!.action).toBe("create");
    expect((await (await w.as("clinician1")).get(`/api/protocols/${protocolId}`)).json().tools).toHaveLength(
      1,
    );
  });

  it.each<Username>(["sitecoord1", "clinician1", "viewer"])("refuses %s uploading with 403", async (u) => {
    const res = await (await w.as(u)).inject({ method: "POST", url: url(), ...multipart("map.pdf", PDF) });
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ["notes.exe", PDF, "file_type"],
    ["map.pdf", PNG, "file_content"],
    ["journey.docx", PDF, "file_content"],
    ["data.csv", Buffer.from([0x41, 0x00, 0x42]), "file_content"],
  ])("refuses %s naming body.file and the rule", async (name, bytes, rule) => {
    const res = await (await w.as("coordinator")).inject({
      method: "POST",
      url: url(),
      ...multipart(name, bytes),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: "body.file", rule });
  });

  it("refuses a file over the size limit", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await (await w.as("coordinator")).inject({
      method: "POST",
      url: url(),
      ...multipart("big.pdf", big),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({
      field: "body.file",
      rule: "file_too_large",
      params: { max: 10 },
    });
  });

  it("answers 404 for an unknown dimension", async () => {
    const res = await (await w.as("coordinator")).inject({
      method: "POST",
      url: `/api/protocols/${protocolId}/dimensions/dim-nope/tools`,
      ...multipart("map.png", PNG),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("protocols: links from planning and self-assessment", () => {
  const base = () => `/api/programmes/${w.ids.programmes.bpd}`;

  beforeAll(async () => {
    const sc = await w.as("sitecoord1");
    const plan = await sc.put(`${base()}/planning/action-plan/sites/${w.ids.sites.s1}`, {
      baseVersion: 0,
      strategicAreas: [
        {
          id: "sa-1",
          title: "Access",
          subAreas: [
            {
              id: "sub-1",
              title: "Screening",
              activities: [
                {
                  id: "act-screen",
                  title: "Agree screening tools",
                  responsibleActor: "Team lead",
                  start: "2026-01-01",
                  end: "2026-06-30",
                },
              ],
            },
          ],
        },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const swot = await sc.put(`${base()}/planning/swot/sites/${w.ids.sites.s1}`, {
      baseVersion: 0,
      items: [{ id: "sw-1", quadrant: "weakness", text: "Assessments are repeated by each service" }],
    });
    expect(swot.statusCode, swot.body).toBe(200);
  });

  it("lets the site's clinician link an activity and a SWOT item; the dimension lists them with the site", async () => {
    const c = await w.as("clinician1");
    const link = await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "activity",
      itemId: "act-screen",
      protocolId,
      dimensionId: dimA,
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({
      itemText: "Agree screening tools",
      dimensionTitle: "Shared assessment",
      siteCode: "S1",
    });
    const swot = await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "swot",
      itemId: "sw-1",
      protocolId,
      dimensionId: dimA,
    });
    expect(swot.statusCode).toBe(200);
    const listed = (
      await (await w.as("coordinator")).get(`/api/protocols/${protocolId}/dimensions/${dimA}/links`)
    ).json();
    expect(listed.map((l: { itemId: string }) => l.itemId).sort()).toEqual(["act-screen", "sw-1"]);
    const mine = (await c.get(`${base()}/protocol-links?siteId=${w.ids.sites.s1}`)).json();
    expect(mine).toHaveLength(2);
    expect((await w.audit({ entity: "protocol_link" })).length).toBeGreaterThanOrEqual(2);
  });

  it("relinks an item to another dimension (one link per item) and removes it", async () => {
    const c = await w.as("sitecoord1");
    await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "swot",
      itemId: "sw-1",
      protocolId,
      dimensionId: dimB,
    });
    const a = (await c.get(`/api/protocols/${protocolId}/dimensions/${dimA}/links`)).json();
    expect(a.map((l: { itemId: string }) => l.itemId)).toEqual(["act-screen"]);
    const removed = await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "swot",
      itemId: "sw-1",
      protocolId: null,
      dimensionId: null,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toBeNull();
  });

  it("refuses a clinician of another site, and an item or dimension that does not exist", async () => {
    const other = await (await w.as("clinician2")).put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "activity",
      itemId: "act-screen",
      protocolId,
      dimensionId: dimA,
    });
    expect(other.statusCode).toBe(403);
    const c = await w.as("clinician1");
    const item = await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "activity",
      itemId: "act-none",
      protocolId,
      dimensionId: dimA,
    });
    expect(item.json().issues[0]).toMatchObject({ field: "body.itemId", rule: "unknown" });
    const dim = await c.put(`${base()}/protocol-links`, {
      siteId: w.ids.sites.s1,
      itemKind: "activity",
      itemId: "act-screen",
      protocolId,
      dimensionId: "dim-none",
    });
    expect(dim.json().issues[0]).toMatchObject({ field: "body.dimensionId", rule: "unknown" });
    // clinician2 reads S2's planning only: S1's links are not theirs
    expect(
      (await (await w.as("clinician2")).get(`/api/protocols/${protocolId}/dimensions/${dimA}/links`)).json(),
    ).toEqual([]);
  });

  const assessUrl = (site: number) => `/api/protocols/${protocolId}/sites/${site}/assessments`;

  it("lets the site's team record self-assessments, keeps the history, and feeds the planning overview", async () => {
    const c = await w.as("clinician1");
    const first = await c.post(assessUrl(w.ids.sites.s1), {
      assessedOn: addDays(today(), -30),
      levels: [
        { dimensionId: dimA, level: 1, note: "screening differs" },
        { dimensionId: dimB, level: 3 },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await (await w.as("sitecoord1")).post(assessUrl(w.ids.sites.s1), {
      assessedOn: today(),
      levels: [
        { dimensionId: dimA, level: 2 },
        { dimensionId: dimB, level: 1 },
      ],
    });
    expect(second.statusCode).toBe(201);
    const history = (await c.get(assessUrl(w.ids.sites.s1))).json().history;
    expect(history.map((h: { assessedOn: string }) => h.assessedOn)).toEqual([
      today(),
      addDays(today(), -30),
    ]);
    const overview = (await (await w.as("coordinator")).get(`${base()}/protocol-assessments`)).json();
    expect(overview.sites).toEqual([
      expect.objectContaining({
        siteId: w.ids.sites.s1,
        meanLevel: 1.5,
        assessed: 2,
        below: [{ dimensionId: dimB, title: "Agreed pathways", level: 1 }],
      }),
    ]);
    // a clinician of S2 sees no S1 row in the overview
    expect((await (await w.as("clinician2")).get(`${base()}/protocol-assessments`)).json().sites).toEqual([]);
    expect((await w.audit({ entity: "protocol_assessment" })).length).toBe(2);
  });

  it.each<[Username, "s1" | "s2"]>([
    ["clinician2", "s1"],
    ["sitecoord1", "s2"],
    ["viewer", "s1"],
  ])("refuses %s assessing %s with 403", async (u, site) => {
    const res = await (await w.as(u)).post(assessUrl(w.ids.sites[site]), {
      assessedOn: today(),
      levels: [{ dimensionId: dimA, level: 1 }],
    });
    expect(res.statusCode).toBe(403);
  });

  it("refuses a future date, an unknown dimension and a level out of range, naming the fields", async () => {
    const res = await (await w.as("clinician1")).post(assessUrl(w.ids.sites.s1), {
      assessedOn: addDays(today(), 1),
      levels: [{ dimensionId: "dim-none", level: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`)).toEqual([
      "body.assessedOn:future",
      "body.levels.0.dimensionId:unknown",
    ]);
    const level = await (await w.as("clinician1")).post(assessUrl(w.ids.sites.s1), {
      assessedOn: today(),
      levels: [{ dimensionId: dimA, level: 4 }],
    });
    expect(level.json().issues[0]).toMatchObject({ field: "body.levels.0.level", rule: "too_big" });
  });
});
