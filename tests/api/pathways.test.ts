import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import {
  createPatient,
  daysAgo,
  enrol,
  enrolledPatient,
  insertInterventions,
  issuesOf,
} from "../support/registry-world.ts";
import { rowCount } from "../support/row-counts.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

/**
 * Care pathways (issue 13, part 3): referrals and their waiting times, the Four Quadrants, missed
 * appointments and the disengagement worklists, the named coordinator — allowed and refused per
 * role and site, validated, audited.
 */
let w: World;
const ids = { s1: 0, s3: 0, svcA: 0, svcB: 0, svcOld: 0, svcElsewhere: 0, proS1: 0, proS2: 0 };
beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  ids.s1 = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s3 = (await createPatient(w, w.ids.sites.s3)).id;
  const other = await db
    .insertInto("regions")
    .values({ code: "VEN", name: "Veneto" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const service = (region: number, code: string, active = true) => ({
    region_id: region,
    code,
    name: `Service ${code}`,
    sector: "housing",
    referral_route: "professional",
    phone_private: false,
    email_private: false,
    web_private: false,
    active,
  });
  const rows = await db
    .insertInto("directory_services")
    .values([
      service(w.ids.region, "HOUSE"),
      service(w.ids.region, "DRUGS"),
      service(w.ids.region, "OLD", false),
      service(other.id, "ELSEWHERE"),
    ])
    .returning("id")
    .execute();
  [ids.svcA, ids.svcB, ids.svcOld, ids.svcElsewhere] = rows.map((r) => r.id) as [
    number,
    number,
    number,
    number,
  ];
  const pros = await db
    .insertInto("professionals")
    .values([
      {
        code: "PRO-S1",
        site_id: w.ids.sites.s1,
        profile: "nurse",
        in_implementation_team: false,
        team_coordinator: false,
        trained: false,
        training_hours: null,
      },
      {
        code: "PRO-S2",
        site_id: w.ids.sites.s2,
        profile: "psychologist",
        in_implementation_team: false,
        team_coordinator: false,
        trained: false,
        training_hours: null,
      },
    ])
    .returning("id")
    .execute();
  [ids.proS1, ids.proS2] = pros.map((r) => r.id) as [number, number];
});
afterAll(async () => {
  await w?.close();
});

const count = (table: "referrals" | "pathway_stratifications" | "missed_appointments" | "check_ins") =>
  rowCount(w, table);

const referral = (extra: Record<string, unknown> = {}) => ({
  patientId: ids.s1,
  siteId: w.ids.sites.s1,
  toServiceId: ids.svcA,
  reason: "Needs stable housing",
  referralDate: daysAgo(10),
  ...extra,
});

describe("referrals", () => {
  it.each<[Username, () => Record<string, unknown>]>([
    ["viewer", () => referral()],
    ["clinician2", () => referral()],
    ["clinician3", () => referral()],
    ["clinician1", () => referral({ patientId: ids.s3, siteId: w.ids.sites.s3 })],
    ["clinician1", () => referral({ siteId: w.ids.sites.s2 })],
  ])("refuses %s out of scope with 403 and stores nothing", async (u, body) => {
    const before = await count("referrals");
    const res = await (await w.as(u)).post("/api/referrals", body());
    expect(res.statusCode).toBe(403);
    expect(await count("referrals")).toBe(before);
  });

  it.each<[string, () => Record<string, unknown>, string[]]>([
    ["a future date", () => referral({ referralDate: addDays(today(), 1) }), ["body.referralDate:future"]],
    [
      "a service of another region",
      () => referral({ toServiceId: ids.svcElsewhere }),
      ["body.toServiceId:same_region"],
    ],
    [
      "an inactive service",
      () => referral({ toServiceId: ids.svcOld }),
      ["body.toServiceId:inactive_service"],
    ],
    ["an unknown service", () => referral({ toServiceId: 999999 }), ["body.toServiceId:reference"]],
    [
      "the same service twice",
      () => referral({ fromServiceId: ids.svcA }),
      ["body.fromServiceId:same_service"],
    ],
    ["no reason", () => referral({ reason: "  " }), ["body.reason:too_small"]],
  ])("refuses %s with 400 naming the field", async (_what, body, issues) => {
    const before = await count("referrals");
    const res = await (await w.as("clinician1")).post("/api/referrals", body());
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(issues);
    expect(await count("referrals")).toBe(before);
  });

  let referralId = 0;
  it("lets a clinician of the site refer a patient, pending, waiting until today; audited", async () => {
    const res = await (await w.as("clinician1")).post(
      "/api/referrals",
      referral({ fromServiceId: ids.svcB }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      decision: "pending",
      fromService: { code: "DRUGS" },
      toService: { code: "HOUSE" },
      siteCode: "S1",
      waitingDays: 10,
    });
    referralId = res.json().id;
    const [entry] = await w.audit({ entity: "referral" });
    expect(entry).toMatchObject({ action: "create", actor: "clinician1", siteId: w.ids.sites.s1 });
  });

  it("records the decision as a whole, checked, and the first contact ends the wait", async () => {
    const c = await w.as("clinician1");
    const bad = await c.put(`/api/referrals/${referralId}/decision`, {
      decision: "declined",
      decisionDate: daysAgo(12),
      firstContactDate: daysAgo(2),
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toEqual([
      "body.decisionDate:before_referral",
      "body.declineReason:required",
      "body.firstContactDate:only_when_accepted",
    ]);
    expect(
      (await (await w.as("clinician2")).put(`/api/referrals/${referralId}/decision`, { decision: "pending" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await w.as("viewer")).put(`/api/referrals/${referralId}/decision`, { decision: "pending" }))
        .statusCode,
    ).toBe(403);
    expect((await c.put("/api/referrals/999999/decision", { decision: "pending" })).statusCode).toBe(404);
    const ok = await c.put(`/api/referrals/${referralId}/decision`, {
      decision: "accepted",
      decisionDate: daysAgo(7),
      firstContactDate: daysAgo(4),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decision: "accepted", waitingDays: 6 });
    const [entry] = await w.audit({ entity: "referral", action: "update" });
    expect(entry!.detail.before).toMatchObject({ decision: "pending" });
    expect(entry!.detail.after).toMatchObject({ decision: "accepted" });
  });

  it("lists a patient's referrals to users who see the patient, audited; refuses others", async () => {
    const list = await (await w.as("coordinator")).get(`/api/patients/${ids.s1}/referrals`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    const [entry] = await w.audit({ entity: "referrals", action: "read" });
    expect(entry).toMatchObject({ actor: "coordinator", entityId: String(ids.s1) });
    for (const u of ["viewer", "clinician3", "clinician2"] as Username[])
      expect((await (await w.as(u)).get(`/api/patients/${ids.s1}/referrals`)).statusCode).toBe(403);
  });
});

describe("the waiting-time indicator", () => {
  it("gives the median, the 90th percentile and the pending over N per site of the programme", async () => {
    const a = await enrolledPatient(w, w.ids.sites.s2, w.ids.programmes.bpd, 100);
    const admin = await w.as("admin");
    const make = async (days: number) =>
      (
        await admin.post(
          "/api/referrals",
          referral({ patientId: a.patient.id, siteId: w.ids.sites.s2, referralDate: daysAgo(days) }),
        )
      ).json();
    const waits = [40, 30, 20, 10, 5, 3];
    const made = [];
    for (const d of waits) made.push(await make(d));
    // two decided: the 10-day one accepted after 2 days, the 5-day one declined after 1
    await admin.put(`/api/referrals/${made[3].id}/decision`, {
      decision: "accepted",
      decisionDate: daysAgo(8),
    });
    await admin.put(`/api/referrals/${made[4].id}/decision`, {
      decision: "declined",
      decisionDate: daysAgo(4),
      declineReason: "no_capacity",
    });
    // waiting days: 40, 30, 20, 2, 1, 3 → median 11.5, p90 35; pending over 28 days: 40 and 30
    const res = await (await w.as("coordinator")).get(
      `/api/programmes/${w.ids.programmes.bpd}/referral-waiting-times?overDays=28`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const s2 = res.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites.s2);
    expect(s2).toMatchObject({
      referrals: 6,
      medianDays: 11.5,
      p90Days: 35,
      pendingOver: 2,
      suppressed: false,
    });
    // a referral of a patient not enrolled in the programme is not counted
    const s1 = res.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites.s1);
    expect(s1).toMatchObject({ referrals: 0, medianDays: null });
    // a viewer sees figures, small counts withheld
    const v = await (await w.as("viewer")).get(
      `/api/programmes/${w.ids.programmes.bpd}/referral-waiting-times`,
    );
    expect(v.statusCode).toBe(200);
    expect(v.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites.s2)).toMatchObject({
      suppressed: true,
      medianDays: null,
    });
    // a clinician of another programme's site only is refused
    expect(
      (await (await w.as("clinician3")).get(`/api/programmes/${w.ids.programmes.bpd}/referral-waiting-times`))
        .statusCode,
    ).toBe(403);
  });
});

describe("the Four Quadrants", () => {
  it("records a quadrant from the two severities, keeps the history, counts per site", async () => {
    const { patient } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 30);
    const c = await w.as("clinician1");
    const body = (over: Record<string, unknown>) => ({
      patientId: patient.id,
      siteId: w.ids.sites.s1,
      date: daysAgo(5),
      mentalHealthSeverity: "high",
      coOccurringSeverity: "low",
      ...over,
    });
    const first = await c.post("/api/pathway-stratifications", body({}));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().quadrant).toBe("II");
    const second = await c.post(
      "/api/pathway-stratifications",
      body({ date: daysAgo(1), coOccurringSeverity: "high", note: "Started drinking again" }),
    );
    expect(second.json().quadrant).toBe("IV");
    const list = await c.get(`/api/patients/${patient.id}/pathway-stratifications`);
    expect(list.json().map((q: { quadrant: string }) => q.quadrant)).toEqual(["IV", "II"]);
    expect(await w.audit({ entity: "pathway_stratifications", action: "read" })).not.toHaveLength(0);
    const counts = await c.get(`/api/sites/${w.ids.sites.s1}/quadrants`);
    expect(counts.statusCode).toBe(200);
    expect(counts.json().counts.IV).toBe(1);
    expect(counts.json().counts.II).toBe(0);
    expect((await (await w.as("clinician2")).get(`/api/sites/${w.ids.sites.s1}/quadrants`)).statusCode).toBe(
      403,
    );
    expect((await (await w.as("viewer")).get(`/api/sites/${w.ids.sites.s1}/quadrants`)).statusCode).toBe(403);
    const before = await count("pathway_stratifications");
    for (const u of ["viewer", "clinician2"] as Username[])
      expect((await (await w.as(u)).post("/api/pathway-stratifications", body({}))).statusCode).toBe(403);
    const bad = await c.post(
      "/api/pathway-stratifications",
      body({ date: addDays(today(), 2), mentalHealthSeverity: "medium" }),
    );
    expect(issuesOf(bad)).toEqual(["body.mentalHealthSeverity:invalid_value"]);
    expect(await count("pathway_stratifications")).toBe(before);
  });
});

describe("disengagement", () => {
  it("records a missed appointment in its own table, never as an intervention", async () => {
    const { patient } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 60);
    const interventions = () => rowCount(w, "interventions");
    const before = await interventions();
    const body = {
      patientId: patient.id,
      siteId: w.ids.sites.s1,
      date: daysAgo(2),
      type: "psychotherapy",
      professionalCode: "PRO-S1",
      professionalProfile: "nurse",
    };
    for (const u of ["viewer", "clinician2", "clinician3"] as Username[])
      expect((await (await w.as(u)).post("/api/missed-appointments", body)).statusCode).toBe(403);
    const bad = await (await w.as("clinician1")).post("/api/missed-appointments", {
      ...body,
      type: "astrology",
      date: addDays(today(), 1),
    });
    expect(issuesOf(bad)).toEqual(["body.date:future", "body.type:taxonomy"]);
    const res = await (await w.as("clinician1")).post("/api/missed-appointments", body);
    expect(res.statusCode, res.body).toBe(201);
    expect(await interventions()).toBe(before);
    expect(await w.audit({ entity: "missed_appointment" })).toHaveLength(1);
  });

  it("lists no contact for N days and missed last contact, and a check-in takes a patient off until the next event", async () => {
    const site = w.ids.sites.s3;
    const prog = w.ids.programmes.imr;
    const quiet = (await enrolledPatient(w, site, prog, 90)).patient; // last seen 45 days ago
    await insertInterventions(w, quiet.id, site, [
      { date: daysAgo(60), type: "psychotherapy" },
      { date: daysAgo(45), type: "assessment" },
    ]);
    const seen = (await enrolledPatient(w, site, prog, 90)).patient; // seen 3 days ago
    await insertInterventions(w, seen.id, site, [{ date: daysAgo(3), type: "assessment" }]);
    const missed = (await enrolledPatient(w, site, prog, 90)).patient; // seen 10 days ago, missed 4 days ago
    await insertInterventions(w, missed.id, site, [{ date: daysAgo(10), type: "assessment" }]);
    const never = (await enrolledPatient(w, site, prog, 40)).patient; // never seen, enrolled 40 days ago
    const ended = await createPatient(w, site); // enrolment ended: not on any list
    await enrol(w, { patientId: ended.id, programmeId: prog, siteId: site, enrolmentDate: daysAgo(200) });
    await w.database.db
      .updateTable("enrolments")
      .set({ end_date: daysAgo(100), end_reason: "completed" })
      .where("patient_id", "=", ended.id)
      .execute();
    const c = await w.as("clinician3");
    const dna = await c.post("/api/missed-appointments", {
      patientId: missed.id,
      siteId: site,
      date: daysAgo(4),
      type: "psychotherapy",
    });
    expect(dna.statusCode, dna.body).toBe(201);

    const lists = async (days = 30) => {
      const res = await c.get(`/api/sites/${site}/disengagement?days=${days}`);
      expect(res.statusCode, res.body).toBe(200);
      const j = res.json();
      return {
        noContact: j.noContact.items.map((i: { patientId: number }) => i.patientId),
        missed: j.missedLastContact.items.map((i: { patientId: number }) => i.patientId),
        body: j,
      };
    };
    let l = await lists();
    expect(l.noContact).toEqual([quiet.id, never.id]);
    expect(l.missed).toEqual([missed.id]);
    expect(l.body.noContact.items[0]).toMatchObject({ daysWithoutContact: 45, lastContactDate: daysAgo(45) });
    expect((await lists(7)).noContact).toEqual([quiet.id, never.id, missed.id]);
    const [entry] = await w.audit({ entity: "disengagement_worklist" });
    expect(entry).toMatchObject({ action: "read", actor: "clinician3" });

    // a check-in takes them off…
    const check = await c.post("/api/check-ins", {
      patientId: missed.id,
      siteId: site,
      date: today(),
      list: "missedLastContact",
      outcome: "reached",
      note: "Will come next week",
    });
    expect(check.statusCode, check.body).toBe(201);
    await c.post("/api/check-ins", {
      patientId: quiet.id,
      siteId: site,
      date: today(),
      list: "noContact",
      outcome: "not_reached",
    });
    l = await lists();
    expect(l.missed).toEqual([]);
    expect(l.noContact).toEqual([never.id]);
    // …until the next event: another missed appointment puts the patient back
    await c.post("/api/missed-appointments", {
      patientId: missed.id,
      siteId: site,
      date: today(),
      type: "psychotherapy",
    });
    expect((await lists()).missed).toEqual([]); // same day as the check-in: still off
    await w.database.db
      .updateTable("check_ins")
      .set({ date: daysAgo(1) })
      .where("patient_id", "=", missed.id)
      .execute();
    expect((await lists()).missed).toEqual([missed.id]);
    // a delivered intervention after the missed one takes them off the list
    await insertInterventions(w, missed.id, site, [{ date: today(), type: "assessment" }]);
    expect((await lists()).missed).toEqual([]);
    expect(seen.id).toBeGreaterThan(0);

    for (const u of ["viewer", "clinician1"] as Username[]) {
      expect((await (await w.as(u)).get(`/api/sites/${site}/disengagement`)).statusCode).toBe(403);
      expect(
        (
          await (
            await w.as(u)
          ).post("/api/check-ins", {
            patientId: missed.id,
            siteId: site,
            date: today(),
            list: "noContact",
            outcome: "closed",
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await c.get(`/api/sites/${site}/disengagement?days=0`)).statusCode).toBe(400);
    expect((await c.get("/api/sites/999999/disengagement")).statusCode).toBe(404);
  });
});

describe("the named coordinator", () => {
  it("is filled from a matching case manager code by any writer, and a legacy code stays as it is", async () => {
    const { enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20, {
      caseManagerCode: "PRO-S1",
    });
    const legacy = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20, {
      caseManagerCode: "OLD-FREE-CODE",
    });
    const other = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20, {
      caseManagerCode: "PRO-S2",
    });
    const row = (id: number) =>
      w.database.db
        .selectFrom("enrolments")
        .select(["coordinator_professional_id", "case_manager_code"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    expect(await row(enrolment.id)).toEqual({
      coordinator_professional_id: ids.proS1,
      case_manager_code: "PRO-S1",
    });
    expect(await row(legacy.enrolment.id)).toEqual({
      coordinator_professional_id: null,
      case_manager_code: "OLD-FREE-CODE",
    });
    // a professional of another site is not a coordinator here
    expect((await row(other.enrolment.id)).coordinator_professional_id).toBeNull();
    // changing the code through the registry's PATCH resolves it again
    await (await w.as("clinician1")).patch(`/api/enrolments/${legacy.enrolment.id}`, {
      caseManagerCode: "PRO-S1",
    });
    expect((await row(legacy.enrolment.id)).coordinator_professional_id).toBe(ids.proS1);
  });

  it("is set to a professional of the enrolment's site, setting the case manager code too", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20, {
      caseManagerCode: "LEGACY-9",
    });
    const c = await w.as("clinician1");
    const list = await c.get(`/api/patients/${patient.id}/coordinators`);
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ coordinator: null, caseManagerCode: "LEGACY-9" });
    const wrongSite = await c.put(`/api/enrolments/${enrolment.id}/coordinator`, {
      professionalId: ids.proS2,
    });
    expect(issuesOf(wrongSite)).toEqual(["body.professionalId:not_at_site"]);
    for (const u of ["viewer", "clinician2", "clinician3"] as Username[])
      expect(
        (
          await (
            await w.as(u)
          ).put(`/api/enrolments/${enrolment.id}/coordinator`, { professionalId: ids.proS1 })
        ).statusCode,
      ).toBe(403);
    const ok = await c.put(`/api/enrolments/${enrolment.id}/coordinator`, { professionalId: ids.proS1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      coordinator: { code: "PRO-S1", profile: "nurse" },
      caseManagerCode: "PRO-S1",
      caseManagerProfile: "nurse",
    });
    const [entry] = await w.audit({ entity: "enrolment_coordinator" });
    expect(entry!.detail.before).toMatchObject({ caseManagerCode: "LEGACY-9" });
    const cleared = await c.put(`/api/enrolments/${enrolment.id}/coordinator`, { professionalId: null });
    expect(cleared.json()).toMatchObject({ coordinator: null, caseManagerCode: null });
    expect((await c.put("/api/enrolments/999999/coordinator", { professionalId: null })).statusCode).toBe(
      404,
    );
  });
});
