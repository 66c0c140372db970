import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { validationMessage } from "../../src/shared/validation-messages.ts";
import {
  createPatient,
  daysAgo,
  expectCreated,
  issuesOf,
  registryCounts,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

const { w, c } = withRegistryWorld();

type SiteKey = "s1" | "s2" | "s3";

const groupBody = (site: SiteKey, extra: Record<string, unknown> = {}) => ({
  siteId: w.ids.sites[site],
  kind: "dbt_skills",
  name: "Skills group",
  startDate: daysAgo(60),
  facilitators: ["PSY-1", "NUR-2"],
  ...extra,
});

async function group(site: SiteKey, extra: Record<string, unknown> = {}) {
  return expectCreated(await c.admin.post("/api/groups", groupBody(site, extra)));
}

async function patients(site: SiteKey, n: number) {
  const out: Array<{ id: number; code: string }> = [];
  for (let i = 0; i < n; i++) out.push(await createPatient(w, w.ids.sites[site]));
  return out;
}

const members = (ps: Array<{ id: number }>, joinedDate = daysAgo(50)) =>
  ps.map((p) => ({ patientId: p.id, joinedDate }));

describe("registry: groups", () => {
  it.each<[Who, SiteKey, number]>([
    ["admin", "s3", 201],
    ["clinician3", "s3", 201],
    ["clinician1", "s3", 403],
    ["coordinator", "s1", 201],
    ["coordinator", "s3", 403],
    ["sitecoord1", "s1", 201],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s creating a group at %s → %i, audited", async (who, site, status) => {
    const before = await registryCounts(w);
    const res = await c[who].post("/api/groups", groupBody(site));
    expect(res.statusCode, res.body).toBe(status);
    expect((await registryCounts(w)).groups - before.groups).toBe(status === 201 ? 1 : 0);
    if (status !== 201) return;
    expect(res.json()).toMatchObject({ code: expect.stringMatching(/^G-/), memberCount: 0, sessionCount: 0 });
    const [entry] = await w.audit({ entity: "group", action: "create", entityId: res.json().id });
    expect(entry).toMatchObject({ actor: who, siteId: w.ids.sites[site] });
  });

  it("caps IMR groups at 8 (the default size) and links a programme of the site", async () => {
    const imr = await group("s3", { kind: "imr", programmeId: w.ids.programmes.imr });
    expect(imr).toMatchObject({ maxSize: 8, programmeId: w.ids.programmes.imr });
    const small = await group("s3", { kind: "imr", maxSize: 6 });
    expect(small.maxSize).toBe(6);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["an IMR group of 9", { kind: "imr", maxSize: 9 }, ["body.maxSize:imr_capacity"]],
    [
      "an end before the start",
      { startDate: daysAgo(10), endDate: daysAgo(11) },
      ["body.endDate:before_start"],
    ],
    [
      "a programme that does not run at the site",
      { programmeId: "bpd" },
      ["body.programmeId:programme_site"],
    ],
    ["an unknown programme", { programmeId: 999999 }, ["body.programmeId:reference"]],
    ["an unknown kind", { kind: "yoga" }, ["body.kind:invalid_value"]],
    ["a size of 0", { maxSize: 0 }, ["body.maxSize:too_small"]],
    ["no name", { name: " " }, ["body.name:too_small"]],
    ["a bad facilitator code", { facilitators: ["Dr Rossi"] }, ["body.facilitators.0:invalid_format"]],
    ["an unknown field", { members: [] }, ["body.members:unrecognized_keys"]],
    ["an unknown site", { siteId: 999999 }, ["body.siteId:reference"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const before = await registryCounts(w);
    const fixed = patch.programmeId === "bpd" ? { ...patch, programmeId: w.ids.programmes.bpd } : patch;
    const res = await c.admin.post("/api/groups", groupBody("s3", fixed));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });

  it("changes a group, keeping IMR's cap and never dropping below the current members", async () => {
    const g = await group("s3", { kind: "imr" });
    const ps = await patients("s3", 5);
    expect((await c.clinician3.put(`/api/groups/${g.id}/members`, { members: members(ps) })).statusCode).toBe(
      200,
    );
    const renamed = await c.clinician3.patch(`/api/groups/${g.id}`, {
      name: "IMR Tuesday",
      endDate: daysAgo(1),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "IMR Tuesday", memberCount: 5, maxSize: 8 });
    expect(issuesOf(await c.clinician3.patch(`/api/groups/${g.id}`, { maxSize: 9 }))).toEqual([
      "body.maxSize:imr_capacity",
    ]);
    expect(issuesOf(await c.clinician3.patch(`/api/groups/${g.id}`, { maxSize: 4 }))).toEqual([
      "body.maxSize:below_members",
    ]);
    expect(issuesOf(await c.clinician3.patch(`/api/groups/${g.id}`, { endDate: daysAgo(70) }))).toEqual([
      "body.endDate:before_start",
    ]);
    expect(issuesOf(await c.clinician3.patch(`/api/groups/${g.id}`, { kind: "other" }))).toEqual([
      "body.kind:unrecognized_keys",
      "body:custom",
    ]);
    for (const [who, status] of [
      ["clinician1", 403],
      ["viewer", 403],
      ["anonymous", 401],
    ] as const) {
      expect((await c[who].patch(`/api/groups/${g.id}`, { name: "x" })).statusCode, who).toBe(status);
    }
    expect((await c.admin.patch("/api/groups/999999", { name: "x" })).statusCode).toBe(404);
    const [entry] = await w.audit({ entity: "group", action: "update", entityId: g.id });
    expect(entry!.detail).toMatchObject({ before: { name: "Skills group" }, after: { name: "IMR Tuesday" } });
  });
});

describe("registry: group members", () => {
  it("refuses a 9th member of an IMR group and stores nothing; 8 fit", async () => {
    const g = await group("s3", { kind: "imr", programmeId: w.ids.programmes.imr });
    const ps = await patients("s3", 9);
    const before = await registryCounts(w);
    const nine = await c.clinician3.put(`/api/groups/${g.id}/members`, { members: members(ps) });
    expect(nine.statusCode).toBe(400);
    expect(issuesOf(nine)).toEqual(["body.members:capacity"]);
    expect(await registryCounts(w)).toEqual(before);
    const eight = await c.clinician3.put(`/api/groups/${g.id}/members`, {
      members: [
        ...members(ps.slice(0, 8)),
        { patientId: ps[8]!.id, joinedDate: daysAgo(50), leftDate: daysAgo(40) },
      ],
    });
    expect(eight.statusCode, eight.body).toBe(200);
    expect(eight.json().memberCount).toBe(8);
    expect(eight.json().members).toHaveLength(9);
    const [entry] = await w.audit({ entity: "group", action: "update_members", entityId: g.id });
    expect(entry).toMatchObject({ actor: "clinician3", detail: { before: { members: [] } } });
  });

  it("replaces the set: members left out are removed", async () => {
    const g = await group("s1");
    const ps = await patients("s1", 3);
    await c.clinician1.put(`/api/groups/${g.id}/members`, { members: members(ps) });
    const res = await c.clinician1.put(`/api/groups/${g.id}/members`, { members: members(ps.slice(1)) });
    expect(
      res
        .json()
        .members.map((m: { patientId: number }) => m.patientId)
        .sort(),
    ).toEqual(
      ps
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
  });

  it("refuses patients not known at the group's site, duplicates and bad dates, naming each row", async () => {
    const g = await group("s3");
    const [here] = await patients("s3", 1);
    const [elsewhere] = await patients("s1", 1);
    const before = await registryCounts(w);
    const res = await c.admin.put(`/api/groups/${g.id}/members`, {
      members: [
        { patientId: here!.id, joinedDate: daysAgo(5), leftDate: daysAgo(6) },
        { patientId: elsewhere!.id, joinedDate: daysAgo(5) },
        { patientId: here!.id, joinedDate: daysAgo(5) },
        { patientId: 999999, joinedDate: daysAgo(5) },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      "body.members.0.leftDate:before_start",
      "body.members.1.patientId:not_at_site",
      "body.members.2.patientId:unique",
      "body.members.3.patientId:reference",
    ]);
    expect(await registryCounts(w)).toEqual(before);
  });

  it.each<[Who, number]>([
    ["clinician3", 200],
    ["admin", 200],
    ["clinician1", 403],
    ["coordinator", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("PUT members of an S3 group by %s → %i", async (who, status) => {
    const g = await group("s3");
    const ps = await patients("s3", 2);
    const res = await c[who].put(`/api/groups/${g.id}/members`, { members: members(ps) });
    expect(res.statusCode, res.body).toBe(status);
    const stored = await w.database.db
      .selectFrom("group_members")
      .select("patient_id")
      .where("group_id", "=", g.id)
      .execute();
    expect(stored).toHaveLength(status === 200 ? 2 : 0);
  });

  it("warns before adding a patient to a second running DBT skills group; a reason overrides, audited", async () => {
    const first = await group("s1", { name: "Skills A" });
    const second = await group("s1", { name: "Skills B" });
    const [p, q] = await patients("s1", 2);
    const put = (g: { id: number }, body: object) => c.clinician1.put(`/api/groups/${g.id}/members`, body);
    expect((await put(first, { members: members([p!]) })).statusCode).toBe(200);

    // Refused without a reason: the field of the row, a stable rule, the group named; nothing stored
    const before = await registryCounts(w);
    const refused = await put(second, { members: members([q!, p!]) });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().issues).toEqual([
      {
        field: "body.members.1.secondGroupReason",
        rule: "other_dbt_group",
        params: { group: first.code },
        message: `the patient is already in the running DBT skills group ${first.code}; give a reason to add them to a second one`,
      },
    ]);
    expect(await registryCounts(w)).toEqual(before);
    expect(validationMessage(refused.json().issues[0], "it", { label: "Motivo" })).toBe(
      `Motivo: obbligatorio perché il paziente è già in un gruppo di skills DBT in corso (${first.code}); spiega perché partecipa a un secondo gruppo`,
    );

    // With a reason: added, and the reason is in the audit log
    const reason = "Moving to the evening group; overlaps one week";
    const added = await put(second, {
      members: [members([q!])[0], { ...members([p!])[0], secondGroupReason: reason }],
    });
    expect(added.statusCode, added.body).toBe(200);
    const [entry] = await w.audit({ entity: "group", action: "update_members", entityId: second.id });
    expect(entry!.detail).toMatchObject({
      after: { second_group_reasons: [{ patient_id: p!.id, other_group: first.code, reason }] },
    });
    // Saving the list again does not ask again for someone already in the group
    expect((await put(second, { members: members([q!, p!]) })).statusCode).toBe(200);
  });

  it.each<[string, Record<string, unknown>, { leftDate?: string }]>([
    ["the other group has ended", { endDate: daysAgo(1) }, {}],
    ["the other group is not DBT skills", { kind: "family_connections" }, {}],
    ["the patient left the other group", {}, { leftDate: daysAgo(10) }],
  ])("does not warn when %s", async (_name, other, membership) => {
    const g1 = await group("s1", other);
    const g2 = await group("s1");
    const [p] = await patients("s1", 1);
    const joined = { patientId: p!.id, joinedDate: daysAgo(50), ...membership };
    expect((await c.admin.put(`/api/groups/${g1.id}/members`, { members: [joined] })).statusCode).toBe(200);
    const res = await c.clinician1.put(`/api/groups/${g2.id}/members`, { members: members([p!]) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("refuses a blank reason for a second group as required", async () => {
    const g1 = await group("s1");
    const g2 = await group("s1");
    const [p] = await patients("s1", 1);
    await c.admin.put(`/api/groups/${g1.id}/members`, { members: members([p!]) });
    const res = await c.clinician1.put(`/api/groups/${g2.id}/members`, {
      members: [{ ...members([p!])[0], secondGroupReason: "  " }],
    });
    expect(issuesOf(res)).toEqual(["body.members.0.secondGroupReason:too_small"]);
  });

  it("refuses (403) a patient the user cannot see, even at a site they record for", async () => {
    const g = await group("s1");
    const [other] = await patients("s3", 1);
    const res = await c.clinician1.put(`/api/groups/${g.id}/members`, { members: members([other!]) });
    expect(res.statusCode).toBe(403);
    expect(issuesOf(res)).toEqual(["body.members.0.patientId:forbidden"]);
  });
});

describe("registry: group sessions and attendance", () => {
  async function interventionsOf(sessionId: number) {
    return w.database.db
      .selectFrom("interventions")
      .selectAll()
      .where("group_session_id", "=", sessionId)
      .orderBy("patient_id")
      .execute();
  }

  it.each<[string, string, string, string]>([
    ["dbt_skills", "s1", "skills_training", "patient"],
    ["family_connections", "s1", "family_intervention", "family"],
    ["psychoeducation", "s1", "psychoeducation", "patient"],
    ["other", "s1", "other", "patient"],
    ["imr", "s3", "psychoeducation", "patient"],
  ])(
    "a %s session creates one group intervention per attendee, in one transaction",
    async (kind, site, type, recipient) => {
      const g = await group(site as SiteKey, { kind });
      const ps = await patients(site as SiteKey, 3);
      await c.admin.put(`/api/groups/${g.id}/members`, { members: members(ps) });
      const who = site === "s1" ? c.clinician1 : c.clinician3;
      const res = await who.post(`/api/groups/${g.id}/sessions`, {
        date: daysAgo(7),
        durationMin: 90,
        professionalCode: "PSY-1",
        attendees: [ps[0]!.id, ps[2]!.id],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ attendance: 2, groupId: g.id, durationMin: 90 });
      const rows = await interventionsOf(res.json().id);
      expect(rows.map((r) => r.patient_id)).toEqual([ps[0]!.id, ps[2]!.id]);
      for (const r of rows)
        expect(r).toMatchObject({
          type,
          recipient,
          setting: "group",
          group_id: g.id,
          site_id: w.ids.sites[site as SiteKey],
          date: daysAgo(7),
          duration_min: 90,
          professional_code: "PSY-1",
        });
      const [entry] = await w.audit({ entity: "group_session", action: "create", entityId: res.json().id });
      expect(entry!.detail).toMatchObject({ after: { attendees: [ps[0]!.id, ps[2]!.id], type } });
      for (const r of rows) {
        const [e] = await w.audit({ entity: "intervention", action: "create", entityId: Number(r.id) });
        expect(e!.detail).toMatchObject({ after: { groupSessionId: res.json().id } });
      }
    },
  );

  it("records IMR sessions as the IMR practice's own type once it defines one", async () => {
    await w.database.db
      .updateTable("practice_versions")
      .set({
        definition: sql`jsonb_set(definition, '{interventionTypes}', '[{"code":"imr_session","label":"IMR session","psychosocial":true}]'::jsonb)`,
      })
      .where("practice_id", "=", w.ids.practices.imr)
      .execute();
    const g = await group("s3", { kind: "imr", programmeId: w.ids.programmes.imr });
    const ps = await patients("s3", 2);
    await c.admin.put(`/api/groups/${g.id}/members`, { members: members(ps) });
    const res = await c.clinician3.post(`/api/groups/${g.id}/sessions`, {
      date: daysAgo(3),
      module: "IMR-2",
      attendees: ps.map((p) => p.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().interventions.map((i: { type: string; module: string }) => [i.type, i.module])).toEqual(
      [
        ["imr_session", "IMR-2"],
        ["imr_session", "IMR-2"],
      ],
    );
    // A group without a programme finds the practice coded IMR.
    const loose = await group("s3", { kind: "imr" });
    await c.admin.put(`/api/groups/${loose.id}/members`, { members: members(ps) });
    const res2 = await c.clinician3.post(`/api/groups/${loose.id}/sessions`, {
      date: daysAgo(2),
      attendees: [ps[0]!.id],
    });
    expect(res2.json().interventions[0].type).toBe("imr_session");
  });

  it.each<
    [string, (ids: { member: number; outsider: number; left: number }) => Record<string, unknown>, string[]]
  >([
    [
      "an attendee who is not a member",
      (i) => ({ attendees: [i.member, i.outsider] }),
      ["body.attendees.1:not_member"],
    ],
    ["an attendee who had left", (i) => ({ attendees: [i.left] }), ["body.attendees.0:not_member"]],
    ["the same attendee twice", (i) => ({ attendees: [i.member, i.member] }), ["body.attendees.1:unique"]],
    ["a future date", (i) => ({ attendees: [i.member], date: "2999-01-01" }), ["body.date:future"]],
    [
      "a date before the group started",
      (i) => ({ attendees: [i.member], date: daysAgo(61) }),
      ["body.attendees.0:not_member", "body.date:outside_group"],
    ],
    ["an unknown module", (i) => ({ attendees: [i.member], module: "IMR-99" }), ["body.module:module"]],
    ["an unknown patient", () => ({ attendees: [999999] }), ["body.attendees.0:reference"]],
    ["no attendees", () => ({ attendees: [] }), ["body.attendees:too_small"]],
    ["a duration of 601", (i) => ({ attendees: [i.member], durationMin: 601 }), ["body.durationMin:too_big"]],
    ["a name", (i) => ({ attendees: [i.member], name: "Monday" }), ["body.name:unrecognized_keys"]],
  ])(
    "refuses %s with 400 naming the field, storing neither session nor interventions",
    async (_n, make, expected) => {
      const g = await group("s1");
      const [member, outsider, left] = await patients("s1", 3);
      await c.admin.put(`/api/groups/${g.id}/members`, {
        members: [
          { patientId: member!.id, joinedDate: daysAgo(50) },
          { patientId: left!.id, joinedDate: daysAgo(50), leftDate: daysAgo(30) },
        ],
      });
      const before = await registryCounts(w);
      const res = await c.clinician1.post(`/api/groups/${g.id}/sessions`, {
        date: daysAgo(7),
        ...make({ member: member!.id, outsider: outsider!.id, left: left!.id }),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(issuesOf(res)).toEqual(expected);
      expect(await registryCounts(w)).toEqual(before);
    },
  );

  it.each<[Who, number]>([
    ["clinician1", 201],
    ["sitecoord1", 201],
    ["coordinator", 201],
    ["clinician2", 403],
    ["clinician3", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("a session of an S1 group recorded by %s → %i", async (who, status) => {
    const g = await group("s1");
    const ps = await patients("s1", 1);
    await c.admin.put(`/api/groups/${g.id}/members`, { members: members(ps) });
    const before = await registryCounts(w);
    const res = await c[who].post(`/api/groups/${g.id}/sessions`, {
      date: daysAgo(1),
      attendees: [ps[0]!.id],
    });
    expect(res.statusCode, res.body).toBe(status);
    const after = await registryCounts(w);
    expect([
      after.group_sessions - before.group_sessions,
      after.interventions - before.interventions,
    ]).toEqual(status === 201 ? [1, 1] : [0, 0]);
    expect(
      (await c.admin.post("/api/groups/999999/sessions", { date: daysAgo(1), attendees: [1] })).statusCode,
    ).toBe(404);
  });
});

describe("registry: reading groups", () => {
  it("lists a site's groups with members and sessions, and shows one with attendance (audited)", async () => {
    const g = await group("s3", { kind: "psychoeducation", name: "Psychoeducation for families" });
    const ps = await patients("s3", 3);
    await c.admin.put(`/api/groups/${g.id}/members`, { members: members(ps) });
    await c.clinician3.post(`/api/groups/${g.id}/sessions`, {
      date: daysAgo(14),
      attendees: ps.map((p) => p.id),
    });
    await c.clinician3.post(`/api/groups/${g.id}/sessions`, { date: daysAgo(7), attendees: [ps[0]!.id] });
    const list = await c.clinician3.get(`/api/groups?siteId=${w.ids.sites.s3}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().find((x: { id: number }) => x.id === g.id)).toMatchObject({
      memberCount: 3,
      sessionCount: 2,
    });
    const detail = await c.clinician3.get(`/api/groups/${g.id}`);
    expect(detail.statusCode).toBe(200);
    expect(
      detail.json().sessions.map((s: { date: string; attendance: number }) => [s.date, s.attendance]),
    ).toEqual([
      [daysAgo(7), 1],
      [daysAgo(14), 3],
    ]);
    expect(detail.json().members).toHaveLength(3);
    const [entry] = await w.audit({ entity: "group", action: "read", entityId: g.id });
    expect(entry).toMatchObject({ actor: "clinician3", siteId: w.ids.sites.s3 });
    expect((entry!.detail.patientIds as number[]).sort()).toEqual(ps.map((p) => p.id).sort());
  });

  it.each<[Who, number]>([
    ["admin", 200],
    ["clinician3", 200],
    ["clinician1", 403],
    ["coordinator", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("reading an S3 group (list and detail) as %s → %i", async (who, status) => {
    const g = await group("s3");
    expect((await c[who].get(`/api/groups?siteId=${w.ids.sites.s3}`)).statusCode).toBe(status);
    expect((await c[who].get(`/api/groups/${g.id}`)).statusCode).toBe(status);
  });

  it("answers 404 for an unknown group and 400 without a site", async () => {
    expect((await c.admin.get("/api/groups/999999")).statusCode).toBe(404);
    expect(issuesOf(await c.admin.get("/api/groups"))).toEqual(["querystring.siteId:required"]);
  });
});
