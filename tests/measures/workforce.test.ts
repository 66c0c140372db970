import { describe, expect, it } from "vitest";
import { type Who, withRegistryWorld } from "../support/registry-world.ts";
import { createPatient, daysAgo, issuesOf, measureCounts, ok } from "./support.ts";

const pro: Record<string, number> = {};
let courseId: number;

const { w, c } = withRegistryWorld(async () => {
  const { db } = w.database;
  const { s1, s2 } = w.ids.sites;
  // S1: P1 trained, team, delivering; P2 trained by a completed course, team, not delivering;
  // P3 untrained, team; P4 trained, not in team, delivering; P5 untrained, delivering. S2: P6 all.
  const rows: Array<[string, number, string, boolean, boolean]> = [
    ["P1", s1, "psychologist", true, true],
    ["P2", s1, "nurse", true, false],
    ["P3", s1, "nurse", true, false],
    ["P4", s1, "psychiatrist", false, true],
    ["P5", s1, "educator", false, false],
    ["P6", s2, "psychologist", true, true],
  ];
  for (const [code, site, profile, team, trained] of rows) {
    const r = await db
      .insertInto("professionals")
      .values({
        code,
        site_id: site,
        profile,
        in_implementation_team: team,
        team_coordinator: false,
        trained,
        training_hours: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    pro[code] = r.id;
  }
  const p1 = await createPatient(w, s1);
  const p2 = await createPatient(w, s2);
  const iv = (code: string, patient: number, site: number, professional: string, d: number) => ({
    code,
    patient_id: patient,
    site_id: site,
    date: daysAgo(d),
    type: "psychotherapy",
    setting: "individual",
    recipient: "patient",
    professional_code: professional,
    professional_profile: null,
    duration_min: 50,
    group_id: null,
    group_session_id: null,
    module: null,
  });
  await db
    .insertInto("interventions")
    .values([
      iv("W-1", p1.id, s1, "P1", 10),
      iv("W-2", p1.id, s1, "P4", 10),
      iv("W-3", p1.id, s1, "P5", 400),
      iv("W-4", p2.id, s2, "P6", 5),
      // P2's code at another site does not count for P2
      iv("W-5", p2.id, s2, "P2", 5),
    ])
    .execute();
});

const course = (extra: Record<string, unknown> = {}) => ({
  code: `C-${Math.random().toString(36).slice(2, 8)}`,
  programmeId: w.ids.programmes.bpd,
  title: "GPM foundations",
  topic: "Good Psychiatric Management",
  hours: 12,
  mode: "blended",
  startDate: daysAgo(60),
  endDate: daysAgo(58),
  ...extra,
});

describe("training courses and attendance", () => {
  // siteId 0 stands for "a local course of S1" (ids are known only once the world exists)
  it.each<[Who, Record<string, unknown>, number]>([
    ["admin", {}, 201],
    ["coordinator", {}, 201],
    ["sitecoord1", { programmeId: null, siteId: 0 }, 201],
    ["sitecoord1", {}, 403],
    ["clinician1", { programmeId: null }, 403],
    ["viewer", {}, 403],
    ["anonymous", {}, 401],
  ])("%s creating a course %j → %i", async (who, patch, status) => {
    const body: Record<string, unknown> = course(patch);
    if (patch.siteId === 0) body.siteId = w.ids.sites.s1;
    const res = await c[who].post("/api/training/courses", body);
    expect(res.statusCode, res.body).toBe(status);
    if (res.statusCode === 201 && who === "coordinator") courseId = res.json().id;
  });

  it("refuses an end before the start and a code used twice, storing nothing", async () => {
    const before = await measureCounts(w);
    expect(issuesOf(await c.admin.post("/api/training/courses", course({ endDate: daysAgo(70) })))).toEqual([
      "body.endDate:end_before_start",
    ]);
    const dup = course();
    ok(await c.admin.post("/api/training/courses", dup), 201);
    expect((await c.admin.post("/api/training/courses", dup)).statusCode).toBe(409);
    expect((await measureCounts(w)).training_courses - before.training_courses).toBe(1);
  });

  it("records completion and satisfaction for the professionals of the sites one manages", async () => {
    const url = `/api/training/courses/${courseId}/attendance`;
    const before = await measureCounts(w);
    expect(
      (await c.sitecoord1.put(url, { rows: [{ professionalId: pro.P6!, completed: true }] })).statusCode,
    ).toBe(403);
    expect(
      issuesOf(
        await c.sitecoord1.put(url, {
          rows: [{ professionalId: pro.P2!, completed: true, satisfaction: 6 }],
        }),
      ),
    ).toEqual(["body.rows.0.satisfaction:too_big"]);
    expect(
      issuesOf(await c.sitecoord1.put(url, { rows: [{ professionalId: 999999, completed: true }] })),
    ).toEqual(["body.rows.0.professionalId:reference"]);
    expect(
      (await c.clinician1.put(url, { rows: [{ professionalId: pro.P2!, completed: true }] })).statusCode,
    ).toBe(403);
    expect(await measureCounts(w)).toEqual(before);
    const saved = ok(
      await c.sitecoord1.put(url, {
        rows: [
          { professionalId: pro.P2!, completed: true, satisfaction: 4 },
          { professionalId: pro.P3!, completed: false, satisfaction: 2 },
        ],
      }),
    );
    expect(
      saved.rows.map((r: { professionalCode: string; completed: boolean }) => [
        r.professionalCode,
        r.completed,
      ]),
    ).toEqual([
      ["P2", true],
      ["P3", false],
    ]);
    const list = ok(await c.viewer.get(`/api/training/courses?programmeId=${w.ids.programmes.bpd}`));
    expect(list.find((x: { id: number }) => x.id === courseId)).toMatchObject({
      attendees: 2,
      completed: 1,
      satisfaction: 3,
    });
    expect(ok(await c.clinician3.get(url)).rows).toEqual([]);
    const [entry] = await w.audit({ entity: "training_attendance", entityId: `${courseId}/${pro.P2}` });
    expect(entry).toMatchObject({
      actor: "sitecoord1",
      detail: { before: null, after: { completed: true, satisfaction: 4 } },
    });
  });
});

describe("supervision", () => {
  it("is recorded by the site's managers for its professionals, read by its users", async () => {
    const url = `/api/sites/${w.ids.sites.s1}/supervision`;
    const body = {
      date: daysAgo(3),
      supervisor: "External MBT supervisor",
      format: "group",
      durationMin: 90,
      professionalIds: [pro.P1, pro.P2],
    };
    expect((await c.clinician1.post(url, body)).statusCode).toBe(403);
    expect(issuesOf(await c.sitecoord1.post(url, { ...body, professionalIds: [pro.P6] }))).toEqual([
      "body.professionalIds.0:reference",
    ]);
    ok(await c.sitecoord1.post(url, body), 201);
    expect(ok(await c.clinician1.get(url))).toHaveLength(1);
    expect((await c.clinician3.get(url)).statusCode).toBe(403);
    expect((await c.viewer.get(url)).statusCode).toBe(403);
  });
});

describe("the training-to-practice funnel (hand-counted fixture)", () => {
  const url = () => `/api/programmes/${w.ids.programmes.bpd}/training-funnel`;

  it("counts trained → in the team → delivering, per site, per profile and overall", async () => {
    const f = ok(await c.coordinator.get(url()));
    const pick = ({
      professionals,
      trained,
      trainedInTeam,
      delivering,
      deliveringUntrained,
    }: Record<string, number>) => [professionals, trained, trainedInTeam, delivering, deliveringUntrained];
    // S1: 5 professionals; trained P1, P2 (course), P4; of them in the team P1, P2; delivering P1; P5 untrained delivering
    expect(pick(f.sites[0])).toEqual([5, 3, 2, 1, 1]);
    expect(pick(f.sites[1])).toEqual([1, 1, 1, 1, 0]);
    expect(pick(f.programme)).toEqual([6, 4, 3, 2, 1]);
    const byProfile = Object.fromEntries(
      f.profiles.map((p: { profile: string } & Record<string, number>) => [p.profile, pick(p)]),
    );
    expect(byProfile).toMatchObject({
      psychologist: [2, 2, 2, 2, 0],
      nurse: [2, 1, 1, 0, 0],
      psychiatrist: [1, 1, 0, 0, 0],
      educator: [1, 0, 0, 0, 1],
      social_worker: [0, 0, 0, 0, 0],
    });
  });

  it("limits delivering to the period asked", async () => {
    const f = ok(await c.coordinator.get(`${url()}?from=${daysAgo(7)}`));
    expect(f.sites[0]).toMatchObject({ delivering: 0, deliveringUntrained: 0 });
    expect(f.sites[1]).toMatchObject({ delivering: 1 });
  });

  it.each<[Who, number, boolean | null]>([
    ["admin", 200, false],
    ["coordinator", 200, false],
    ["viewer", 200, true],
    ["clinician1", 200, true],
    ["clinician3", 403, null],
    ["anonymous", 401, null],
  ])("%s → %i (small cells suppressed: %s)", async (who, status, suppressed) => {
    const res = await c[who].get(url());
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().sites[0].suppressed).toBe(suppressed);
  });
});
