import { describe, expect, it } from "vitest";
import { codesOf, expectSiteOfAnotherRegion, fieldsOf } from "../support/answers.ts";
import { type Username, worldOfFile } from "../support/world.ts";

/**
 * Issue 11: regional coordinators create and run the programmes of their region, and every
 * indicator can have a target, for the programme and per site (docs/indicators.md, "Targets").
 * Allowed and refused, validation naming each field, audit, and the indicators answers refreshed.
 */
/** A region of which the world's coordinator coordinates nothing, and a site of it. */
let otherRegion: number;
let foreignSite: number;
const w = worldOfFile(async () => {
  const admin = await w.as("admin");
  otherRegion = (await admin.post("/api/regions", { code: "EMR", name: "Emilia-Romagna" })).json().id;
  foreignSite = (
    await admin.post("/api/sites", { regionId: otherRegion, code: "FE", name: "Ferrara" })
  ).json().id;
});

async function snapshot() {
  const admin = await w.as("admin");
  const list = (await admin.get("/api/programmes")).json() as Array<{ id: number }>;
  const details = await Promise.all(
    list.map(async (p) => (await admin.get(`/api/programmes/${p.id}`)).json()),
  );
  const users = (await admin.get("/api/users")).json();
  return { list, details, users };
}

const TARGETS = () => [
  { indicatorId: "case_manager", value: 0.8, direction: "higher_is_better" },
  { indicatorId: "case_manager", siteId: w.ids.sites.s3, value: 0.6, direction: "higher_is_better" },
  { indicatorId: "dropped_out", value: 0.15, direction: "lower_is_better" },
  { indicatorId: "enrolled", value: 40, direction: "higher_is_better" },
];

const body = (over: Record<string, unknown> = {}) => ({
  code: "MBT-LOM",
  name: "MBT pilot",
  regionId: w.ids.region,
  practiceId: w.ids.practices.bpd,
  phases: [{ phase: "pre_implementation", startDate: "2024-01-01", endDate: null }],
  sites: [{ siteId: w.ids.sites.s1, targetEnrolment: 12 }, { siteId: w.ids.sites.s3 }],
  targets: TARGETS(),
  ...over,
});

describe("regional coordinators create programmes in their region", () => {
  it.each<Username>(["sitecoord1", "clinician1", "viewer"])(
    "refuses %s with 403 and creates nothing",
    async (u) => {
      const before = await snapshot();
      const res = await (await w.as(u)).post("/api/programmes", body({ code: `X-${u}` }));
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain("administrator or a regional coordinator");
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses a coordinator a site of another region, naming the field, and creates nothing", async () => {
    const before = await snapshot();
    const res = await (await w.as("coordinator")).post(
      "/api/programmes",
      body({ sites: [{ siteId: w.ids.sites.s1 }, { siteId: foreignSite }], targets: [] }),
    );
    expectSiteOfAnotherRegion(res);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a coordinator a programme in a region they do not coordinate, naming body.regionId", async () => {
    const before = await snapshot();
    const res = await (await w.as("coordinator")).post(
      "/api/programmes",
      body({ regionId: otherRegion, sites: [{ siteId: foreignSite }], targets: [] }),
    );
    expect(res.statusCode).toBe(403);
    expect(fieldsOf(res)).toEqual(["body.regionId"]);
    expect(res.json().message).toContain("region");
    expect(await snapshot()).toEqual(before);
  });

  it("lets the coordinator create one with sites, phases and targets: they coordinate it at once; both audited", async () => {
    const coordinator = await w.as("coordinator");
    const res = await coordinator.post("/api/programmes", body());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: "MBT-LOM",
      regionId: w.ids.region,
      sites: [
        { siteId: w.ids.sites.s1, targetEnrolment: 12 },
        { siteId: w.ids.sites.s3, targetEnrolment: null },
      ],
      targets: [
        { indicatorId: "case_manager", siteId: null, value: 0.8, direction: "higher_is_better" },
        { indicatorId: "case_manager", siteId: w.ids.sites.s3, value: 0.6, direction: "higher_is_better" },
        { indicatorId: "dropped_out", siteId: null, value: 0.15, direction: "lower_is_better" },
        { indicatorId: "enrolled", siteId: null, value: 40, direction: "higher_is_better" },
      ],
      canEdit: true,
    });
    // Their session sees the new grant: the programme is theirs to read and change.
    expect(codesOf(await coordinator.get("/api/programmes"))).toEqual(["BPD-LOM", "MBT-LOM"]);
    expect((await coordinator.get(`/api/programmes/${created.id}`)).json().canEdit).toBe(true);
    const me = (await coordinator.get("/api/me")).json();
    expect(me.programmes).toContainEqual(expect.objectContaining({ code: "MBT-LOM", canEdit: true }));
    const renamed = await coordinator.patch(`/api/programmes/${created.id}`, {
      baseVersion: created.version,
      name: "MBT pilot, wave 1",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const [creation] = await w.audit({ entity: "programme", entityId: created.id, action: "create" });
    expect(creation).toMatchObject({
      actor: "coordinator",
      programmeId: created.id,
      detail: { before: null, after: { code: "MBT-LOM", targets: expect.arrayContaining([]) } },
    });
    expect((creation!.detail.after as { targets: unknown[] }).targets).toHaveLength(4);
    const [grant] = await w.audit({ entity: "user_role", action: "grant" });
    expect(grant).toMatchObject({
      actor: "coordinator",
      programmeId: created.id,
      detail: { before: null, after: { role: "regional_coordinator", programmeId: created.id } },
    });
    // The indicators answer shows the targets.
    const indicators = (
      await coordinator.get(`/api/programmes/${created.id}/indicators?ids=case_manager,enrolled`)
    ).json();
    expect(indicators.definitions).toEqual([
      expect.objectContaining({ id: "enrolled", target: 40, targetSource: "programme" }),
      expect.objectContaining({
        id: "case_manager",
        target: 0.8,
        siteTargets: [
          { site: "S1", target: 0.8, direction: "higher_is_better", source: "programme" },
          { site: "S3", target: 0.6, direction: "higher_is_better", source: "site" },
        ],
      }),
    ]);
  });

  it("gives no grant to an administrator who creates a programme", async () => {
    const admin = await w.as("admin");
    const grantsBefore = (await w.audit({ entity: "user_role", action: "grant" })).length;
    const res = await admin.post("/api/programmes", body({ code: "ADM-LOM", targets: [] }));
    expect(res.statusCode).toBe(201);
    expect((await w.audit({ entity: "user_role", action: "grant" })).length).toBe(grantsBefore);
    expect(codesOf(await (await w.as("coordinator")).get("/api/programmes"))).not.toContain("ADM-LOM");
  });

  it.each<[Username, "all" | "own" | "none"]>([
    ["admin", "all"],
    ["coordinator", "own"],
    ["sitecoord1", "none"],
    ["clinician1", "none"],
    ["viewer", "none"],
  ])("tells %s where they may create programmes (/api/me programmeRegions)", async (u, which) => {
    const me = (await (await w.as(u)).get("/api/me")).json();
    const expected = { all: [w.ids.region, otherRegion], own: [w.ids.region], none: [] }[which];
    expect(me.programmeRegions).toEqual(expected);
  });
});

describe("targets on indicators: validation", () => {
  it.each<[string, unknown[], string, string]>([
    [
      "an unknown indicator",
      [{ indicatorId: "nope", value: 1, direction: "higher_is_better" }],
      "body.targets.0.indicatorId",
      "unknown",
    ],
    [
      "a site that is not the programme's",
      [{ indicatorId: "case_manager", siteId: 2, value: 0.5, direction: "higher_is_better" }],
      "body.targets.0.siteId",
      "programme_site",
    ],
    [
      "a ratio above 1 (ratios are fractions)",
      [{ indicatorId: "case_manager", value: 80, direction: "higher_is_better" }],
      "body.targets.0.value",
      "too_big",
    ],
    [
      "a negative ratio",
      [{ indicatorId: "case_manager", value: -0.1, direction: "higher_is_better" }],
      "body.targets.0.value",
      "too_small",
    ],
    [
      "a count that is not whole",
      [{ indicatorId: "interventions", value: 2.5, direction: "higher_is_better" }],
      "body.targets.0.value",
      "invalid_type",
    ],
    [
      "a site's enrolment target (set with the site)",
      [{ indicatorId: "enrolled", siteId: 1, value: 10, direction: "higher_is_better" }],
      "body.targets.0.siteId",
      "not_allowed",
    ],
    [
      "one indicator and site twice",
      [
        { indicatorId: "case_manager", value: 0.5, direction: "higher_is_better" },
        { indicatorId: "case_manager", value: 0.6, direction: "higher_is_better" },
      ],
      "body.targets.1.indicatorId",
      "duplicate",
    ],
    [
      "an unknown direction",
      [{ indicatorId: "case_manager", value: 0.5, direction: "up" }],
      "body.targets.0.direction",
      "invalid_value",
    ],
    [
      "a value as text",
      [{ indicatorId: "case_manager", value: "80%", direction: "higher_is_better" }],
      "body.targets.0.value",
      "invalid_type",
    ],
  ])("refuses %s on creation and on change, naming the field", async (_what, targets, field, rule) => {
    const before = await snapshot();
    // site id 2 is the world's S2, not in the body's sites; on the BPD programme it is.
    const sites = [{ siteId: w.ids.sites.s1 }, { siteId: w.ids.sites.s3 }];
    const fix = (list: unknown[]) =>
      list.map((t) => {
        const x = t as { siteId?: number };
        if (x.siteId === 2) return { ...x, siteId: w.ids.sites.s2 };
        if (x.siteId === 1) return { ...x, siteId: w.ids.sites.s1 };
        return x;
      });
    const created = await (await w.as("coordinator")).post(
      "/api/programmes",
      body({ code: "BAD-LOM", sites, targets: fix(targets) }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json().issues).toContainEqual(expect.objectContaining({ field, rule }));
    // On the IMR programme (site S3 only): change through PATCH as an administrator.
    const imr = (await (await w.as("admin")).get(`/api/programmes/${w.ids.programmes.imr}`)).json();
    const changed = await (await w.as("admin")).patch(`/api/programmes/${w.ids.programmes.imr}`, {
      baseVersion: imr.version,
      targets: fix(targets).map((t) =>
        (t as { siteId?: number }).siteId === w.ids.sites.s1
          ? { ...(t as object), siteId: w.ids.sites.s3 }
          : t,
      ),
    });
    if (field.endsWith("siteId") && rule === "programme_site") {
      expect(changed.statusCode).toBe(400);
      expect(fieldsOf(changed)).toContain(field);
    } else {
      expect(changed.statusCode).toBe(400);
      expect(changed.json().issues).toContainEqual(expect.objectContaining({ field, rule }));
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("targets on indicators: changing them", () => {
  const bpd = () => w.ids.programmes.bpd;
  const read = async () => (await (await w.as("admin")).get(`/api/programmes/${bpd()}`)).json();

  it.each<Username>(["sitecoord1", "clinician1", "viewer"])(
    "refuses %s with 403, changing nothing",
    async (u) => {
      const before = await snapshot();
      const { version } = await read();
      const res = await (await w.as(u)).patch(`/api/programmes/${bpd()}`, {
        baseVersion: version,
        targets: [{ indicatorId: "case_manager", value: 0.1, direction: "higher_is_better" }],
      });
      expect(res.statusCode).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it("lets the coordinator set them, audited with before and after, and the indicators show them at once", async () => {
    const coordinator = await w.as("coordinator");
    const url = `/api/programmes/${bpd()}/indicators?ids=treatment_plan`;
    expect((await coordinator.get(url)).json().definitions[0].target).toBeNull();
    const { version } = await read();
    const res = await coordinator.patch(`/api/programmes/${bpd()}`, {
      baseVersion: version,
      targets: [
        { indicatorId: "treatment_plan", value: 0.9, direction: "higher_is_better" },
        { indicatorId: "treatment_plan", siteId: w.ids.sites.s2, value: 0.7, direction: "higher_is_better" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(version + 1);
    const [entry] = await w.audit({ entity: "programme", entityId: bpd(), action: "update" });
    expect(entry).toMatchObject({
      actor: "coordinator",
      detail: {
        before: { targets: [] },
        after: {
          targets: [
            { indicatorId: "treatment_plan", siteId: null, value: 0.9 },
            { indicatorId: "treatment_plan", siteId: w.ids.sites.s2, value: 0.7 },
          ],
        },
      },
    });
    const answer = (await coordinator.get(url)).json();
    expect(answer.definitions[0]).toMatchObject({ target: 0.9, targetSource: "programme" });
    expect(answer.definitions[0].siteTargets).toEqual([
      { site: "S1", target: 0.9, direction: "higher_is_better", source: "programme" },
      { site: "S2", target: 0.7, direction: "higher_is_better", source: "site" },
    ]);
    expect(answer.indicators.map((r: { site: string | null; target: number }) => [r.site, r.target])).toEqual(
      [
        ["S1", 0.9],
        ["S2", 0.7],
        [null, 0.9],
      ],
    );
  });

  it("keeps the targets when a change does not send them, but drops those of a site taken out", async () => {
    const admin = await w.as("admin");
    const { version } = await read();
    const renamed = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: version,
      name: "BPD pilot",
    });
    expect(renamed.json().targets).toHaveLength(2);
    const out = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: version + 1,
      sites: [{ siteId: w.ids.sites.s1 }],
    });
    expect(out.statusCode).toBe(200);
    expect(out.json().targets).toEqual([
      { indicatorId: "treatment_plan", siteId: null, value: 0.9, direction: "higher_is_better" },
    ]);
    const back = await admin.patch(`/api/programmes/${bpd()}`, {
      baseVersion: version + 2,
      sites: [{ siteId: w.ids.sites.s1 }, { siteId: w.ids.sites.s2, targetEnrolment: 20 }],
      targets: [],
    });
    expect(back.json().targets).toEqual([]);
  });

  it("accepts targets on the sites the same change adds", async () => {
    const admin = await w.as("admin");
    const imr = (await admin.get(`/api/programmes/${w.ids.programmes.imr}`)).json();
    const res = await admin.patch(`/api/programmes/${w.ids.programmes.imr}`, {
      baseVersion: imr.version,
      sites: [{ siteId: w.ids.sites.s3 }, { siteId: w.ids.sites.s2 }],
      targets: [
        { indicatorId: "team_size", siteId: w.ids.sites.s2, value: 6, direction: "higher_is_better" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets).toEqual([
      { indicatorId: "team_size", siteId: w.ids.sites.s2, value: 6, direction: "higher_is_better" },
    ]);
  });
});
