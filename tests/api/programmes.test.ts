import { describe, expect, it } from "vitest";
import { addDays, today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { codesOf, expectSiteOfAnotherRegion, fieldsOf } from "../support/answers.ts";
import { DEFAULT_PARAMETERS, USERNAMES, type Username, worldOfFile } from "../support/world.ts";

/** A site of another region, which no programme of Lombardy may include. */
let foreignSite: number;
const w = worldOfFile(async () => {
  const admin = await w.as("admin");
  const region = (await admin.post("/api/regions", { code: "EMR", name: "Emilia-Romagna" })).json();
  foreignSite = (await admin.post("/api/sites", { regionId: region.id, code: "FE", name: "Ferrara" })).json()
    .id;
});

const EVERY_ROLE = USERNAMES;
const NOT_ADMIN: Username[] = EVERY_ROLE.filter((u) => u !== "admin");
/** Roles that never create programmes (regional coordinators do, in their region: programme-targets.test.ts). */
const NEVER_CREATE: Username[] = NOT_ADMIN.filter((u) => u !== "coordinator");

const day = (offset: number) => addDays(regionToday(), offset);

/** Everything the API shows about programmes, to compare before and after a refused change. */
async function snapshot() {
  const admin = await w.as("admin");
  const list = (await admin.get("/api/programmes")).json() as Array<{ id: number }>;
  const details = await Promise.all(
    list.map(async (p) => (await admin.get(`/api/programmes/${p.id}`)).json()),
  );
  return { list, details };
}

const current = async (id: number) => (await (await w.as("admin")).get(`/api/programmes/${id}`)).json();

describe("programmes: reading", () => {
  it.each<[Username, string[]]>([
    ["admin", ["BPD-LOM", "IMR-LOM"]],
    ["coordinator", ["BPD-LOM"]],
    ["sitecoord1", ["BPD-LOM"]],
    ["clinician1", ["BPD-LOM"]],
    ["clinician2", ["BPD-LOM"]],
    ["clinician3", ["IMR-LOM"]],
    ["viewer", ["BPD-LOM", "IMR-LOM"]],
  ])("lists to %s only the programmes they may read: %j", async (u, codes) => {
    const res = await (await w.as(u)).get("/api/programmes");
    expect(res.statusCode).toBe(200);
    expect(codesOf(res)).toEqual(codes);
  });

  it("summarises each programme with its practice, site count and no current phase when it has none", async () => {
    const res = await (await w.as("admin")).get("/api/programmes");
    expect(res.json()[0]).toEqual({
      id: w.ids.programmes.bpd,
      code: "BPD-LOM",
      name: "BPD pilot",
      regionId: w.ids.region,
      practice: { id: w.ids.practices.bpd, code: "BPD", name: "Stepped care for BPD", version: 1 },
      siteCount: 2,
      currentPhase: null,
    });
  });

  it.each<[Username, "bpd" | "imr", number, boolean]>([
    ["admin", "bpd", 200, true],
    ["coordinator", "bpd", 200, true],
    ["sitecoord1", "bpd", 200, false],
    ["clinician1", "bpd", 200, false],
    ["clinician2", "bpd", 200, false],
    ["viewer", "bpd", 200, false],
    ["clinician3", "bpd", 403, false],
    ["admin", "imr", 200, true],
    ["clinician3", "imr", 200, false],
    ["viewer", "imr", 200, false],
    ["coordinator", "imr", 403, false],
    ["sitecoord1", "imr", 403, false],
    ["clinician1", "imr", 403, false],
  ])("answers %s reading the %s programme with %i (canEdit %s)", async (u, which, status, canEdit) => {
    const res = await (await w.as(u)).get(`/api/programmes/${w.ids.programmes[which]}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().canEdit).toBe(canEdit);
    else expect(res.json().error).toBe("forbidden");
  });

  it("shows the detail: parameters, sites by code with their targets, version", async () => {
    const res = await (await w.as("coordinator")).get(`/api/programmes/${w.ids.programmes.bpd}`);
    expect(res.json()).toEqual({
      id: w.ids.programmes.bpd,
      code: "BPD-LOM",
      name: "BPD pilot",
      regionId: w.ids.region,
      practice: { id: w.ids.practices.bpd, code: "BPD", name: "Stepped care for BPD", version: 1 },
      parameters: DEFAULT_PARAMETERS,
      phases: [],
      sites: [
        { siteId: w.ids.sites.s1, code: "S1", name: "Site one", targetEnrolment: null },
        { siteId: w.ids.sites.s2, code: "S2", name: "Site two", targetEnrolment: 20 },
      ],
      targets: [],
      version: 1,
      canEdit: true,
    });
  });

  it("answers 404 for an unknown programme and 400 for a malformed id", async () => {
    const admin = await w.as("admin");
    expect((await admin.get("/api/programmes/999999")).statusCode).toBe(404);
    const bad = await admin.get("/api/programmes/0");
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(["params.id"]);
  });

  it.each([
    ["GET", "/api/programmes"],
    ["GET", "/api/programmes/1"],
    ["POST", "/api/programmes"],
    ["PATCH", "/api/programmes/1"],
  ] as const)("refuses an anonymous %s %s with 401", async (method, url) => {
    const res = await w.anonymous.inject({ method, url, ...(method === "GET" ? {} : { payload: {} }) });
    expect(res.statusCode).toBe(401);
  });
});

describe("programmes: creating", () => {
  const body = (over: Record<string, unknown> = {}) => ({
    code: "MBT-LOM",
    name: "MBT pilot",
    regionId: w.ids.region,
    practiceId: w.ids.practices.bpd,
    phases: [{ phase: "pre_implementation", startDate: "2024-01-01", endDate: "2024-06-30" }],
    sites: [{ siteId: w.ids.sites.s3, targetEnrolment: 10 }, { siteId: w.ids.sites.s1 }],
    ...over,
  });

  it.each(NEVER_CREATE)("refuses %s with 403 and creates nothing", async (u) => {
    const before = await snapshot();
    const res = await (await w.as(u)).post("/api/programmes", body({ code: `X-${u}` }));
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an unknown field", { colour: "red" }, "body.colour"],
    ["a name of the wrong type", { name: 5 }, "body.name"],
    ["a regionId as text", { regionId: "LOM" }, "body.regionId"],
    ["an unknown region", { regionId: 999999 }, "body.regionId"],
    ["an unknown practice", { practiceId: 999999 }, "body.practiceId"],
    ["a practice version that does not exist", { practiceVersion: 7 }, "body.practiceVersion"],
    [
      "a negative target enrolment",
      { sites: [{ siteId: 1, targetEnrolment: -1 }] },
      "body.sites.0.targetEnrolment",
    ],
    ["an unknown site", { sites: [{ siteId: 1 }, { siteId: 999999 }] }, "body.sites.1.siteId"],
    ["a site twice", { sites: [{ siteId: 1 }, { siteId: 1 }] }, "body.sites"],
    ["an unknown phase", { phases: [{ phase: "pilot", startDate: "2024-01-01" }] }, "body.phases.0.phase"],
    [
      "a phase twice",
      {
        phases: [
          { phase: "implementation", startDate: "2024-01-01" },
          { phase: "implementation", startDate: "2025-01-01" },
        ],
      },
      "body.phases",
    ],
    [
      "a phase ending before it starts",
      { phases: [{ phase: "implementation", startDate: "2024-05-01", endDate: "2024-04-30" }] },
      "body.phases.0.endDate",
    ],
    [
      "a date not on the calendar",
      { phases: [{ phase: "implementation", startDate: "2024-02-30" }] },
      "body.phases.0.startDate",
    ],
    [
      "ageBand min above max",
      { parameters: { ageBand: { min: 31, max: 30 } } },
      "body.parameters.ageBand.min",
    ],
    [
      "a negative targetEnrolmentPerSite",
      { parameters: { targetEnrolmentPerSite: -1 } },
      "body.parameters.targetEnrolmentPerSite",
    ],
    [
      "an intensive threshold of 0",
      { parameters: { intensiveThreshold: 0 } },
      "body.parameters.intensiveThreshold",
    ],
    ["an unknown parameter", { parameters: { colour: "red" } }, "body.parameters.colour"],
    [
      "a breakdown band upside down",
      { parameters: { breakdownAgeBands: [{ label: "x", min: 40, max: 20 }] } },
      "body.parameters.breakdownAgeBands.0.min",
    ],
  ])("refuses %s with 400 naming the field, and creates nothing", async (_what, over, field) => {
    const before = await snapshot();
    const res = await (await w.as("admin")).post("/api/programmes", body(over));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(res.json().message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a site of another region, naming it", async () => {
    const before = await snapshot();
    const res = await (await w.as("admin")).post(
      "/api/programmes",
      body({ sites: [{ siteId: w.ids.sites.s1 }, { siteId: foreignSite }] }),
    );
    expectSiteOfAnotherRegion(res);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 naming body.code for a code already used", async () => {
    const before = await snapshot();
    const res = await (await w.as("admin")).post("/api/programmes", body({ code: "BPD-LOM" }));
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(["body.code"]);
    expect(await snapshot()).toEqual(before);
  });

  it("lets an administrator create a programme with default parameters at the practice's current version; audited", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/programmes", body());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: "MBT-LOM",
      practice: { id: w.ids.practices.bpd, version: 1 },
      parameters: DEFAULT_PARAMETERS,
      phases: [{ phase: "pre_implementation", startDate: "2024-01-01", endDate: "2024-06-30" }],
      sites: [
        { siteId: w.ids.sites.s1, code: "S1", targetEnrolment: null },
        { siteId: w.ids.sites.s3, code: "S3", targetEnrolment: 10 },
      ],
      version: 1,
      canEdit: true,
    });
    // Users of its sites now see it.
    expect(codesOf(await (await w.as("clinician3")).get("/api/programmes"))).toEqual(["IMR-LOM", "MBT-LOM"]);
    const [entry] = await w.audit({ entity: "programme", entityId: created.id });
    expect(entry).toMatchObject({
      action: "create",
      actor: "admin",
      programmeId: created.id,
      detail: { before: null, after: { code: "MBT-LOM", version: 1 } },
    });
  });
});

describe("programmes: changing", () => {
  const bpd = () => w.ids.programmes.bpd;

  it.each<[Username, "bpd" | "imr"]>([
    ["coordinator", "imr"],
    ["sitecoord1", "bpd"],
    ["clinician1", "bpd"],
    ["clinician2", "bpd"],
    ["clinician3", "bpd"],
    ["clinician3", "imr"],
    ["viewer", "bpd"],
    ["viewer", "imr"],
  ])("refuses %s changing the %s programme with 403, changing nothing", async (u, which) => {
    const before = await snapshot();
    const id = w.ids.programmes[which];
    const res = await (await w.as(u)).patch(`/api/programmes/${id}`, { baseVersion: 1, name: "hijacked" });
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("lets the regional coordinator change name, phases, site targets and parameters in one audited save", async () => {
    const coordinator = await w.as("coordinator");
    const res = await coordinator.patch(`/api/programmes/${bpd()}`, {
      baseVersion: 1,
      name: "BPD pilot, wave 1",
      phases: [
        { phase: "implementation", startDate: day(0), endDate: null },
        { phase: "pre_implementation", startDate: "2020-01-01", endDate: day(-1) },
        { phase: "sustainability", startDate: day(400) },
      ],
      sites: [
        { siteId: w.ids.sites.s2, targetEnrolment: 25 },
        { siteId: w.ids.sites.s1, targetEnrolment: 12 },
      ],
      parameters: { intensiveThreshold: 3 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: "BPD pilot, wave 1",
      version: 2,
      parameters: { ...DEFAULT_PARAMETERS, intensiveThreshold: 3 },
      phases: [
        { phase: "pre_implementation", startDate: "2020-01-01", endDate: day(-1) },
        { phase: "implementation", startDate: day(0), endDate: null },
        { phase: "sustainability", startDate: day(400), endDate: null },
      ],
      sites: [
        { siteId: w.ids.sites.s1, targetEnrolment: 12 },
        { siteId: w.ids.sites.s2, targetEnrolment: 25 },
      ],
    });
    const summary = (await coordinator.get("/api/programmes")).json()[0];
    expect(summary).toMatchObject({ code: "BPD-LOM", currentPhase: "implementation", siteCount: 2 });
    const [entry] = await w.audit({ entity: "programme", entityId: bpd() });
    expect(entry).toMatchObject({
      action: "update",
      actor: "coordinator",
      programmeId: bpd(),
      detail: {
        before: { version: 1, name: "BPD pilot", parameters: { intensiveThreshold: 5 } },
        after: { version: 2, name: "BPD pilot, wave 1", parameters: { intensiveThreshold: 3 } },
      },
    });
  });

  it("keeps stored parameters the PATCH does not name", async () => {
    const admin = await w.as("admin");
    const res = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: 2,
      parameters: { ageBand: { min: 16, max: 25 } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().parameters).toEqual({
      ...DEFAULT_PARAMETERS,
      intensiveThreshold: 3,
      ageBand: { min: 16, max: 25 },
    });
    const renamed = await admin.patch(`/api/programmes/${bpd()}`, { baseVersion: 3, name: "BPD pilot" });
    expect(renamed.json().parameters).toEqual(res.json().parameters);
    expect(renamed.json().version).toBe(4);
  });

  it("refuses a save based on an outdated version with 409 stale_version, changing nothing", async () => {
    const before = await snapshot();
    const res = await (await w.as("coordinator")).patch(`/api/programmes/${bpd()}`, {
      baseVersion: 2,
      name: "late",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe("stale_version");
    expect(res.json().message).toContain("someone else saved version 4");
    expect(fieldsOf(res)).toEqual(["body.baseVersion"]);
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, () => Record<string, unknown>, string]>([
    ["only a baseVersion", () => ({}), "body"],
    ["no baseVersion", () => ({ baseVersion: undefined, name: "x" }), "body.baseVersion"],
    ["a field that cannot change", () => ({ regionId: 2 }), "body.regionId"],
    ["an unknown site", () => ({ sites: [{ siteId: 999999 }] }), "body.sites.0.siteId"],
    ["a site of another region", () => ({ sites: [{ siteId: foreignSite }] }), "body.sites.0.siteId"],
    [
      "a negative target enrolment",
      () => ({ name: "renamed", sites: [{ siteId: w.ids.sites.s1, targetEnrolment: -1 }] }),
      "body.sites.0.targetEnrolment",
    ],
    [
      "ageBand min above max",
      () => ({ parameters: { ageBand: { min: 40, max: 30 } } }),
      "body.parameters.ageBand.min",
    ],
    [
      "a negative targetEnrolmentPerSite",
      () => ({ parameters: { targetEnrolmentPerSite: -1 } }),
      "body.parameters.targetEnrolmentPerSite",
    ],
    [
      "a practice version that does not exist",
      () => ({ name: "renamed", practiceVersion: 9 }),
      "body.practiceVersion",
    ],
    [
      "a phase twice",
      () => ({
        phases: [
          { phase: "implementation", startDate: "2024-01-01" },
          { phase: "implementation", startDate: "2024-02-01" },
        ],
      }),
      "body.phases",
    ],
  ])("refuses %s with 400 naming the field, changing nothing", async (_what, over, field) => {
    const before = await snapshot();
    const res = await (await w.as("coordinator")).patch(`/api/programmes/${bpd()}`, {
      baseVersion: 4,
      ...over(),
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 to an administrator for an unknown programme", async () => {
    const res = await (await w.as("admin")).patch("/api/programmes/999999", { baseVersion: 1, name: "x" });
    expect(res.statusCode).toBe(404);
  });

  it("replaces the sites: a site taken out loses access, then gets it back", async () => {
    const admin = await w.as("admin");
    const out = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: 4,
      sites: [{ siteId: w.ids.sites.s1 }],
    });
    expect(out.statusCode).toBe(200);
    expect(out.json().sites.map((s: { code: string }) => s.code)).toEqual(["S1"]);
    const clinician2 = await w.as("clinician2");
    expect(codesOf(await clinician2.get("/api/programmes"))).toEqual([]);
    expect((await clinician2.get(`/api/programmes/${bpd()}`)).statusCode).toBe(403);
    const back = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: 5,
      sites: [{ siteId: w.ids.sites.s1 }, { siteId: w.ids.sites.s2, targetEnrolment: 20 }],
    });
    expect(back.statusCode).toBe(200);
    expect(codesOf(await clinician2.get("/api/programmes"))).toEqual(["BPD-LOM"]);
  });

  it("moves a programme to a newer version of its practice, and clears its phases", async () => {
    const admin = await w.as("admin");
    const practice = (await admin.get(`/api/practices/${w.ids.practices.bpd}`)).json();
    const saved = await admin.put(`/api/practices/${w.ids.practices.bpd}`, {
      definition: practice.definition,
      baseVersion: 1,
    });
    expect(saved.json().version).toBe(2);
    const res = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: 6,
      practiceVersion: 2,
      phases: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ practice: { version: 2 }, phases: [], version: 7 });
    expect((await admin.get("/api/programmes")).json()[0]).toMatchObject({
      currentPhase: null,
      practice: { version: 2 },
    });
  });

  it("has no current phase when every phase has ended or not yet begun", async () => {
    const admin = await w.as("admin");
    const res = await admin.patch(`/api/programmes/${w.ids.programmes.imr}`, {
      baseVersion: 1,
      phases: [
        { phase: "pre_implementation", startDate: "2020-01-01", endDate: day(-1) },
        { phase: "implementation", startDate: day(1) },
      ],
    });
    expect(res.statusCode).toBe(200);
    const imr = (await admin.get("/api/programmes"))
      .json()
      .find((p: { code: string }) => p.code === "IMR-LOM");
    expect(imr.currentPhase).toBeNull();
    expect((await current(w.ids.programmes.imr)).version).toBe(2);
  });
});
