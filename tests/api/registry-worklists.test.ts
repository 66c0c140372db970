import { describe, expect, it } from "vitest";
import { addDays } from "../../src/server/infra/time/civil-date.ts";
import { setProgrammeParameters } from "../support/programme-parameters.ts";
import {
  createPatient,
  daysAgo,
  enrol,
  enrolledPatient,
  expectCreated,
  insertInterventions,
  planBody,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

/** Patient codes by role in the scenario. */
const P = {
  closedShort: "WL-A", // enrolled 100 days ago: no case manager, no plan, 2 psychosocial → closed window short
  closingOk: "WL-B", // 80 days: case manager, 5 psychosocial, signed plan → in no list
  farAway: "WL-C", // 70 days: window closes in 19 days → not yet listed; latest plan unsigned
  closingShort: "WL-D", // 77 days: closes in 12 days with 4 psychosocial (+3 nursing) → listed
  ended: "WL-E", // ended → in no list
  otherSite: "WL-F", // enrolled at S2 → not in S1's lists
  signedThenNot: "WL-G", // older plan signed, newer unsigned → unsigned; plan 91 days before → not a plan
  notThenSigned: "WL-H", // older plan unsigned, newer signed → not listed
  future: "WL-I", // enrolled... today: open, no case manager, no plan
};

async function plan(patientId: number, createdDate: string, signed: boolean) {
  return expectCreated(
    await c.admin.post(
      "/api/treatment-plans",
      planBody(patientId, w.ids.sites.s1, createdDate, { signedByPatient: signed }),
    ),
  );
}

async function scenario(code: string, daysIn: number, extra: Record<string, unknown> = {}, site = "s1") {
  const siteId = site === "s1" ? w.ids.sites.s1 : w.ids.sites.s2;
  const patient = await createPatient(w, siteId, { code, firstContactDate: daysAgo(daysIn + 10) });
  const enrolment = await enrol(w, {
    patientId: patient.id,
    programmeId: w.ids.programmes.bpd,
    siteId,
    enrolmentDate: daysAgo(daysIn),
    ...extra,
  });
  return { patient, enrolment, day: (d: number) => addDays(enrolment.enrolmentDate, d) };
}

const psy = (dates: string[], type = "psychotherapy") => dates.map((date) => ({ date, type }));

const { w, c } = withRegistryWorld(async () => {
  const cm = { caseManagerCode: "CM-1", caseManagerProfile: "nurse" };

  const a = await scenario(P.closedShort, 100);
  await insertInterventions(w, a.patient.id, w.ids.sites.s1, psy([a.day(1), a.day(2), a.day(95), a.day(96)]));

  const b = await scenario(P.closingOk, 80, cm);
  await insertInterventions(w, b.patient.id, w.ids.sites.s1, psy([1, 2, 3, 4, 5].map(b.day)));
  await plan(b.patient.id, b.day(3), true);

  const cc = await scenario(P.farAway, 70, cm);
  await plan(cc.patient.id, cc.day(3), false);

  const d = await scenario(P.closingShort, 77, cm);
  await insertInterventions(w, d.patient.id, w.ids.sites.s1, [
    ...psy([1, 2, 3, 4].map(d.day), "social_support"),
    ...psy([5, 6, 7].map(d.day), "nursing"),
  ]);
  await plan(d.patient.id, d.day(-90), true);

  const e = await scenario(P.ended, 100);
  await c.admin.patch(`/api/enrolments/${e.enrolment.id}`, { endDate: e.day(10), endReason: "completed" });

  await scenario(P.otherSite, 100, {}, "s2");

  const g = await scenario(P.signedThenNot, 60, cm);
  await plan(g.patient.id, g.day(-91), true);
  await plan(g.patient.id, g.day(1), true);
  await plan(g.patient.id, g.day(2), false);
  await insertInterventions(w, g.patient.id, w.ids.sites.s1, psy([1, 2, 3, 4, 5].map(g.day)));

  const h = await scenario(P.notThenSigned, 60, cm);
  await plan(h.patient.id, h.day(1), false);
  await plan(h.patient.id, h.day(2), true);

  await scenario(P.future, 0);
});

const codes = (list: { items: Array<{ patientCode: string }> }) =>
  list.items.map((i) => i.patientCode).sort();

describe("registry: site worklists", () => {
  it("lists open enrolments without a case manager, without a plan, short in the early window, with an unsigned plan", async () => {
    const res = await c.clinician1.get(`/api/sites/${w.ids.sites.s1}/worklists`);
    expect(res.statusCode, res.body).toBe(200);
    const lists = res.json();
    expect(codes(lists.withoutCaseManager)).toEqual([P.closedShort, P.future].sort());
    expect(codes(lists.withoutPlan)).toEqual([P.closedShort, P.future].sort());
    expect(codes(lists.earlyWindowShortfall)).toEqual([P.closedShort, P.closingShort].sort());
    expect(codes(lists.planNotSigned)).toEqual([P.farAway, P.signedThenNot].sort());
    expect(lists.withoutCaseManager.total).toBe(2);
  });

  it("gives each early-window row its window end, its count and the threshold, soonest first", async () => {
    const lists = (await c.clinician1.get(`/api/sites/${w.ids.sites.s1}/worklists`)).json();
    expect(lists.earlyWindowShortfall.items).toEqual([
      expect.objectContaining({
        patientCode: P.closedShort,
        windowEnd: daysAgo(11),
        psychosocial: 2,
        threshold: 5,
      }),
      expect.objectContaining({
        patientCode: P.closingShort,
        windowEnd: addDays(daysAgo(77), 89),
        psychosocial: 4,
      }),
    ]);
    const unsigned = lists.planNotSigned.items.find(
      (i: { patientCode: string }) => i.patientCode === P.signedThenNot,
    );
    expect(unsigned).toMatchObject({
      planCreatedDate: addDays(daysAgo(60), 2),
      planCode: expect.stringMatching(/^TP-/),
    });
  });

  it("follows the programme's parameters and practice types", async () => {
    const restore = await setProgrammeParameters(w, w.ids.programmes.bpd, { intensiveThreshold: 2 });
    try {
      const lists = (await c.clinician1.get(`/api/sites/${w.ids.sites.s1}/worklists`)).json();
      expect(codes(lists.earlyWindowShortfall)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it("filters by programme", async () => {
    const res = await c.admin.get(
      `/api/sites/${w.ids.sites.s1}/worklists?programmeId=${w.ids.programmes.imr}`,
    );
    expect(res.statusCode).toBe(200);
    const lists = res.json();
    for (const key of ["withoutCaseManager", "withoutPlan", "earlyWindowShortfall", "planNotSigned"])
      expect(lists[key], key).toEqual({ total: 0, items: [] });
    const bpd = await c.admin.get(
      `/api/sites/${w.ids.sites.s1}/worklists?programmeId=${w.ids.programmes.bpd}`,
    );
    expect(bpd.json().withoutCaseManager.total).toBe(2);
  });

  it("shows S2's own lists to S2 and audits every worklist read with the patients shown", async () => {
    const res = await c.clinician2.get(`/api/sites/${w.ids.sites.s2}/worklists`);
    expect(codes(res.json().withoutCaseManager)).toEqual([P.otherSite]);
    const [entry] = await w.audit({ entity: "worklist", action: "read", actor: "clinician2" });
    expect(entry).toMatchObject({ entityId: String(w.ids.sites.s2), siteId: w.ids.sites.s2 });
    expect(entry!.detail.patientIds).toEqual([res.json().withoutCaseManager.items[0].patientId]);
  });

  it.each<[Who, "s1" | "s2" | "s3", number]>([
    ["admin", "s1", 200],
    ["coordinator", "s1", 200],
    ["coordinator", "s3", 403],
    ["sitecoord1", "s1", 200],
    ["sitecoord1", "s2", 403],
    ["clinician1", "s3", 403],
    ["clinician3", "s1", 403],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s reading %s's worklists → %i", async (who, site, status) => {
    const res = await c[who].get(`/api/sites/${w.ids.sites[site]}/worklists`);
    expect(res.statusCode).toBe(status);
    const entries = await w.audit({
      entity: "worklist",
      action: "read",
      actor: who,
      entityId: w.ids.sites[site],
    });
    expect(entries.length > 0).toBe(status === 200);
  });

  it("answers 404 for an unknown site and 400 for a bad filter", async () => {
    expect((await c.admin.get("/api/sites/999999/worklists")).statusCode).toBe(404);
    const bad = await c.admin.get(`/api/sites/${w.ids.sites.s1}/worklists?programmeId=x&siteName=y`);
    expect(bad.statusCode).toBe(400);
  });

  it("reads the four lists in one statement whatever the number of patients", async () => {
    for (let i = 0; i < 30; i++) {
      const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 100 + i);
      await insertInterventions(w, patient.id, w.ids.sites.s1, psy([enrolment.enrolmentDate]));
    }
    const { db } = w.database;
    // Count every statement the endpoint sends, on the database and in its transactions: the
    // query executor's method is shared by all of them through its prototype.
    const executed: string[] = [];
    type Execute = (this: unknown, compiled: { sql: string }, ...rest: unknown[]) => Promise<unknown>;
    let proto = Object.getPrototypeOf(db.getExecutor()) as { executeQuery?: Execute } | null;
    while (proto && !Object.hasOwn(proto, "executeQuery")) proto = Object.getPrototypeOf(proto);
    const owner = proto as { executeQuery: Execute };
    const original = owner.executeQuery;
    owner.executeQuery = function (this: unknown, compiled, ...rest) {
      executed.push(compiled.sql);
      return original.call(this, compiled, ...rest);
    };
    try {
      const res = await c.sitecoord1.get(`/api/sites/${w.ids.sites.s1}/worklists`);
      expect(res.json().earlyWindowShortfall.total).toBe(32);
    } finally {
      owner.executeQuery = original;
    }
    expect(executed.filter((q) => q.includes("open_enrolments"))).toHaveLength(1);
    // The session, the site, the lists (with the JIT switch) and the audit append: nothing grows
    // with the number of patients.
    expect(executed.length).toBeGreaterThan(3);
    expect(executed.length).toBeLessThanOrEqual(10);
  });
});
