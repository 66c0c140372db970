import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today, yearOf } from "../../src/server/infra/time/civil-date.ts";
import { codesOf, fieldsOf } from "../support/answers.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
/** Professionals created in beforeAll: two at S1 (one coordinates the team), one at S3. */
const pro = { s1Lead: 0, s1Other: 0, s3: 0 };
/** S1's team coordinator, as created. */
const s1Lead = () => ({
  code: "S1-PSY-1",
  siteId: w.ids.sites.s1,
  profile: "psychiatrist",
  inImplementationTeam: true,
  teamCoordinator: true,
  trained: true,
  trainingHours: 24.5,
});
beforeAll(async () => {
  w = await createWorld();
  const admin = await w.as("admin");
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post("/api/professionals", body);
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  pro.s1Lead = await create(s1Lead());
  pro.s1Other = await create({ code: "S1-NUR-1", siteId: w.ids.sites.s1, profile: "nurse", trained: true });
  pro.s3 = await create({
    code: "S3-EDU-1",
    siteId: w.ids.sites.s3,
    profile: "educator",
    inImplementationTeam: true,
  });
});
afterAll(async () => {
  await w?.close();
});

/** Every professional of every site, as an administrator sees them. */
async function snapshot() {
  const admin = await w.as("admin");
  const sites = Object.values(w.ids.sites);
  return Promise.all(sites.map(async (s) => (await admin.get(`/api/professionals?siteId=${s}`)).json()));
}

describe("teams: reading a site's professionals", () => {
  it.each<[Username, "s1" | "s3"]>([
    ["admin", "s1"],
    ["coordinator", "s1"],
    ["sitecoord1", "s1"],
    ["clinician1", "s1"],
    ["admin", "s3"],
    ["clinician3", "s3"],
  ])("lets %s read the professionals of %s", async (u, site) => {
    const res = await (await w.as(u)).get(`/api/professionals?siteId=${w.ids.sites[site]}`);
    expect(res.statusCode).toBe(200);
    expect(codesOf(res)).toEqual(site === "s1" ? ["S1-NUR-1", "S1-PSY-1"] : ["S3-EDU-1"]);
  });

  it.each<[Username, "s1" | "s2" | "s3"]>([
    ["clinician3", "s1"],
    ["clinician2", "s1"],
    ["viewer", "s1"],
    ["coordinator", "s3"],
    ["sitecoord1", "s3"],
    ["clinician1", "s3"],
    ["clinician1", "s2"],
    ["viewer", "s3"],
  ])("refuses %s reading the professionals of %s with 403", async (u, site) => {
    const res = await (await w.as(u)).get(`/api/professionals?siteId=${w.ids.sites[site]}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe("forbidden");
  });

  it("shows every field, and only the implementation team with teamOnly=true", async () => {
    const c = await w.as("clinician1");
    const team = await c.get(`/api/professionals?siteId=${w.ids.sites.s1}&teamOnly=true`);
    expect(team.json()).toEqual([{ id: pro.s1Lead, ...s1Lead(), joinedOn: null, leftOn: null }]);
    const all = await c.get(`/api/professionals?siteId=${w.ids.sites.s1}&teamOnly=false`);
    expect(codesOf(all)).toEqual(["S1-NUR-1", "S1-PSY-1"]);
  });

  it.each([
    ["no siteId", "", "querystring.siteId"],
    ["a siteId that is not a number", "?siteId=S1", "querystring.siteId"],
    ["a bad teamOnly", "?siteId=1&teamOnly=yes", "querystring.teamOnly"],
    ["an unknown parameter", "?siteId=1&sort=code", "querystring.sort"],
  ])("refuses %s with 400 naming the parameter", async (_what, query, field) => {
    const res = await (await w.as("admin")).get(`/api/professionals${query}`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
  });

  it("answers 404 to an administrator for an unknown site, 403 to anyone else", async () => {
    expect((await (await w.as("admin")).get("/api/professionals?siteId=999999")).statusCode).toBe(404);
    expect((await (await w.as("coordinator")).get("/api/professionals?siteId=999999")).statusCode).toBe(403);
  });

  it.each([
    ["GET", "/api/professionals?siteId=1"],
    ["POST", "/api/professionals"],
    ["PATCH", "/api/professionals/1"],
    ["DELETE", "/api/professionals/1"],
  ] as const)("refuses an anonymous %s %s with 401", async (method, url) => {
    const res = await w.anonymous.inject({
      method,
      url,
      ...(method === "POST" || method === "PATCH" ? { payload: {} } : {}),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe("teams: adding a professional", () => {
  it.each<[Username, "s1" | "s2" | "s3"]>([
    ["admin", "s3"],
    ["coordinator", "s2"],
    ["sitecoord1", "s1"],
  ])("lets %s add a professional at %s, audited with the site", async (u, site) => {
    const siteId = w.ids.sites[site];
    const code = `NEW-${u}`;
    const res = await (await w.as(u)).post("/api/professionals", { code, siteId, profile: "social_worker" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      code,
      siteId,
      profile: "social_worker",
      inImplementationTeam: false,
      teamCoordinator: false,
      trained: false,
      trainingHours: null,
      joinedOn: null,
      leftOn: null,
    });
    const [entry] = await w.audit({ entity: "professional", entityId: res.json().id });
    expect(entry).toMatchObject({
      action: "create",
      actor: u,
      siteId,
      detail: { before: null, after: { code } },
    });
  });

  it.each<[Username, "s1" | "s2" | "s3"]>([
    ["clinician1", "s1"],
    ["clinician3", "s1"],
    ["clinician3", "s3"],
    ["viewer", "s1"],
    ["coordinator", "s3"],
    ["sitecoord1", "s2"],
  ])("refuses %s adding a professional at %s with 403, adding nothing", async (u, site) => {
    const before = await snapshot();
    const res = await (await w.as(u)).post("/api/professionals", {
      code: `X-${u}`,
      siteId: w.ids.sites[site],
      profile: "nurse",
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an unknown field", { name: "Dr Rossi" }, "body.name"],
    ["an unknown profile", { profile: "surgeon" }, "body.profile"],
    ["a malformed code", { code: "a b" }, "body.code"],
    ["a boolean as text", { trained: "Y" }, "body.trained"],
    ["negative training hours", { trainingHours: -1 }, "body.trainingHours"],
    [
      "a coordinator outside the team",
      { teamCoordinator: true, inImplementationTeam: false },
      "body.teamCoordinator",
    ],
    ["an unknown site", { siteId: 999999 }, "body.siteId"],
    ["a siteId that is not a number", { siteId: "S1" }, "body.siteId"],
  ])("refuses %s with 400 naming the field, adding nothing", async (_what, over, field) => {
    const before = await snapshot();
    const res = await (await w.as("admin")).post("/api/professionals", {
      code: "BAD-1",
      siteId: w.ids.sites.s1,
      profile: "nurse",
      ...over,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(res.json().message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 naming body.code for a code already used, even at another site", async () => {
    const before = await snapshot();
    const res = await (await w.as("admin")).post("/api/professionals", {
      code: "S1-PSY-1",
      siteId: w.ids.sites.s2,
      profile: "nurse",
    });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(["body.code"]);
    expect(await snapshot()).toEqual(before);
  });
});

/** Users refused (403) changing or removing the professional named. */
const outsiders: Array<[Username, keyof typeof pro]> = [
  ["clinician3", "s1Other"],
  ["clinician1", "s1Other"],
  ["viewer", "s1Other"],
  ["coordinator", "s3"],
  ["sitecoord1", "s3"],
];

describe("teams: changing a professional", () => {
  it.each<[Username, keyof typeof pro]>([...outsiders, ["clinician3", "s3"]])(
    "refuses %s changing professional %s with 403, changing nothing",
    async (u, which) => {
      const before = await snapshot();
      const res = await (await w.as(u)).patch(`/api/professionals/${pro[which]}`, { trained: false });
      expect(res.statusCode).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each<[Username, keyof typeof pro, Record<string, unknown>]>([
    ["sitecoord1", "s1Other", { inImplementationTeam: true, trainingHours: 12 }],
    ["coordinator", "s1Other", { profile: "psychologist" }],
    ["admin", "s3", { trained: true, trainingHours: null }],
  ])("lets %s change professional %s, audited with before/after and the site", async (u, which, patch) => {
    const id = pro[which];
    const res = await (await w.as(u)).patch(`/api/professionals/${id}`, patch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, ...patch });
    const [entry] = await w.audit({ entity: "professional", entityId: id });
    expect(entry).toMatchObject({
      action: "update",
      actor: u,
      siteId: res.json().siteId,
      detail: { after: patch },
    });
  });

  it.each([
    ["an empty body", {}, "body"],
    ["a field that cannot change", { siteId: 1 }, "body.siteId"],
    ["a code change", { code: "NEW" }, "body.code"],
    ["negative training hours", { trainingHours: -0.5 }, "body.trainingHours"],
    ["the coordinator leaving the team", { inImplementationTeam: false }, "body.inImplementationTeam"],
  ])("refuses %s with 400 naming the field, changing nothing", async (_what, patch, field) => {
    const before = await snapshot();
    const res = await (await w.as("sitecoord1")).patch(`/api/professionals/${pro.s1Lead}`, patch);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses making someone outside the team its coordinator", async () => {
    const res = await (await w.as("admin")).patch(`/api/professionals/${pro.s3}`, {
      teamCoordinator: true,
      inImplementationTeam: false,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(["body.inImplementationTeam"]);
  });

  it("lets the coordinator step down and leave the team in one change", async () => {
    const res = await (await w.as("sitecoord1")).patch(`/api/professionals/${pro.s1Lead}`, {
      teamCoordinator: false,
      inImplementationTeam: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ teamCoordinator: false, inImplementationTeam: false });
  });

  it("answers 404 for an unknown professional", async () => {
    expect(
      (await (await w.as("admin")).patch("/api/professionals/999999", { trained: true })).statusCode,
    ).toBe(404);
  });
});

describe("teams: removing a professional", () => {
  it.each(outsiders)("refuses %s removing professional %s with 403, removing nothing", async (u, which) => {
    const before = await snapshot();
    const res = await (await w.as(u)).delete(`/api/professionals/${pro[which]}`);
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses with 409 removing a professional linked to a user account, removing nothing", async () => {
    const { db } = w.database;
    const clinician1 = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "clinician1")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("user_roles")
      .set({ professional_id: pro.s1Other })
      .where("user_id", "=", clinician1.id)
      .execute();
    const before = await snapshot();
    const res = await (await w.as("sitecoord1")).delete(`/api/professionals/${pro.s1Other}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain("clinician1");
    expect(await snapshot()).toEqual(before);
    await db
      .updateTable("user_roles")
      .set({ professional_id: null })
      .where("user_id", "=", clinician1.id)
      .execute();
  });

  it("lets the site coordinator remove a professional of the site, audited with the site", async () => {
    const c = await w.as("sitecoord1");
    const res = await c.delete(`/api/professionals/${pro.s1Other}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(codesOf(await c.get(`/api/professionals?siteId=${w.ids.sites.s1}`))).not.toContain("S1-NUR-1");
    const [entry] = await w.audit({ entity: "professional", entityId: pro.s1Other });
    expect(entry).toMatchObject({
      action: "delete",
      actor: "sitecoord1",
      siteId: w.ids.sites.s1,
      detail: { before: { code: "S1-NUR-1" }, after: null },
    });
    expect((await c.delete(`/api/professionals/${pro.s1Other}`)).statusCode).toBe(404);
  });

  it("lets a regional coordinator remove a professional at a site of their programme", async () => {
    const admin = await w.as("admin");
    const created = await admin.post("/api/professionals", {
      code: "S2-TMP",
      siteId: w.ids.sites.s2,
      profile: "other",
    });
    const res = await (await w.as("coordinator")).delete(`/api/professionals/${created.json().id}`);
    expect(res.statusCode).toBe(200);
  });
});

describe("teams: the team's history and staff turnover", () => {
  const day = (n: number) => addDays(today(), n);
  let joiner = 0;
  let leaver = 0;
  beforeAll(async () => {
    const admin = await w.as("admin");
    const a = await admin.post("/api/professionals", {
      code: "S3-HIST-1",
      siteId: w.ids.sites.s3,
      profile: "nurse",
      inImplementationTeam: true,
      joinedOn: `${yearOf(today()) - 2}-03-01`,
    });
    const b = await admin.post("/api/professionals", {
      code: "S3-HIST-2",
      siteId: w.ids.sites.s3,
      profile: "social_worker",
      inImplementationTeam: true,
      teamCoordinator: true,
    });
    joiner = a.json().id;
    leaver = b.json().id;
  });

  it("records the day someone left, taking them out of the team and its coordination, audited", async () => {
    const res = await (await w.as("admin")).patch(`/api/professionals/${leaver}`, { leftOn: today() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      leftOn: today(),
      inImplementationTeam: false,
      teamCoordinator: false,
    });
    const [entry] = await w.audit({ entity: "professional", entityId: leaver });
    expect(entry).toMatchObject({
      action: "update",
      actor: "admin",
      detail: { after: { leftOn: today() } },
    });
  });

  it.each([
    ["a leaving day in the future", { leftOn: day(1) }, "body.leftOn", "future"],
    ["a joining day in the future", { joinedOn: day(1) }, "body.joinedOn", "future"],
    ["leaving before joining", { joinedOn: day(-10), leftOn: day(-20) }, "body.leftOn", "left_before_joined"],
    ["a day that is not on the calendar", { leftOn: "2025-02-30" }, "body.leftOn", "calendar_date"],
    [
      "leaving while staying in the team",
      { leftOn: day(-1), inImplementationTeam: true },
      "body.inImplementationTeam",
      "left_not_in_team",
    ],
  ])(
    "refuses %s with 400 naming the field and the rule, changing nothing",
    async (_what, patch, field, rule) => {
      const before = await snapshot();
      const res = await (await w.as("admin")).patch(`/api/professionals/${joiner}`, patch);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses a leaving day before the stored joining day, and bringing back into the team someone who left", async () => {
    const admin = await w.as("admin");
    const early = await admin.patch(`/api/professionals/${joiner}`, {
      leftOn: `${yearOf(today()) - 3}-01-01`,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0]).toMatchObject({ field: "body.leftOn", rule: "left_before_joined" });
    const back = await admin.patch(`/api/professionals/${leaver}`, { inImplementationTeam: true });
    expect(back.statusCode).toBe(400);
    expect(back.json().issues[0]).toMatchObject({
      field: "body.inImplementationTeam",
      rule: "left_not_in_team",
    });
    const returned = await admin.patch(`/api/professionals/${leaver}`, { leftOn: null });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ leftOn: null, inImplementationTeam: false });
    expect((await admin.patch(`/api/professionals/${leaver}`, { leftOn: today() })).statusCode).toBe(200);
  });

  it.each<Username>(["admin", "clinician3"])("lets %s read the site's turnover per year", async (u) => {
    const res = await (await w.as(u)).get(`/api/sites/${w.ids.sites.s3}/staff-turnover`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ siteId: w.ids.sites.s3, asOf: today() });
    expect(body.years.map((y: { year: number }) => y.year)).toEqual(
      [0, 1, 2].map((k) => yearOf(today()) - 2 + k),
    );
    const current = body.years[2];
    expect(current).toMatchObject({ leavers: 1, to: today() });
    expect(current.endHeadcount).toBe(current.startHeadcount + current.joiners - current.leavers);
    expect(current.turnover).toBeCloseTo(1 / ((current.startHeadcount + current.endHeadcount) / 2));
    expect(body.years[0]).toMatchObject({ joiners: 1, leavers: 0 });
  });

  it.each<Username>(["clinician1", "coordinator", "viewer"])(
    "refuses %s reading another site's turnover with 403",
    async (u) => {
      const res = await (await w.as(u)).get(`/api/sites/${w.ids.sites.s3}/staff-turnover`);
      expect(res.statusCode).toBe(403);
    },
  );

  it("answers 404 for an unknown site and 400 naming a bad years parameter", async () => {
    const admin = await w.as("admin");
    expect((await admin.get("/api/sites/999999/staff-turnover")).statusCode).toBe(404);
    const bad = await admin.get(`/api/sites/${w.ids.sites.s3}/staff-turnover?years=20`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(["querystring.years"]);
  });
});
