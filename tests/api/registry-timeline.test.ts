import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { setProgrammeParameters } from "../support/programme-parameters.ts";
import {
  enrolledPatient,
  expectCreated,
  insertInterventions,
  planBody,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";
import type { Username } from "../support/world.ts";

const { w, c } = withRegistryWorld(async () => {
  // BPD adds a psychosocial type of its own; IMR adds one too, which is not BPD's.
  const setTypes = (practiceId: number, types: object[]) =>
    w.database.db
      .updateTable("practice_versions")
      .set({ definition: sql`jsonb_set(definition, '{interventionTypes}', ${JSON.stringify(types)}::jsonb)` })
      .where("practice_id", "=", practiceId)
      .execute();
  await setTypes(w.ids.practices.bpd, [{ code: "mbt_session", label: "MBT", psychosocial: true }]);
  await setTypes(w.ids.practices.imr, [{ code: "imr_session", label: "IMR", psychosocial: true }]);
});

const timeline = async (patientId: number, who: Username = "clinician1") => {
  const res = await c[who].get(`/api/patients/${patientId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("registry: the patient page's early window (INDICATORS.md)", () => {
  it("counts days 0 … 89: day 89 is in, day 90 and the day before enrolment are out", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 100);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    await insertInterventions(w, patient.id, w.ids.sites.s1, [
      { date: day(-1), type: "psychotherapy" },
      { date: day(0), type: "assessment" },
      { date: day(5), type: "nursing" },
      { date: day(10), type: "family_intervention", recipient: "family" },
      { date: day(20), type: "mbt_session" },
      { date: day(21), type: "imr_session" },
      { date: day(89), type: "psychoeducation" },
      { date: day(90), type: "psychotherapy" },
    ]);
    const t = await timeline(patient.id);
    expect(t.asOf).toBe(today());
    expect(t.enrolments).toHaveLength(1);
    expect(t.enrolments[0].early).toEqual({
      start: enrolment.enrolmentDate,
      end: day(89),
      countedUntil: day(89),
      closed: true,
      daysLeft: 0,
      psychosocial: 4, // assessment, family_intervention, mbt_session, psychoeducation
      threshold: 5,
      intensive: false,
      total: 6,
      byType: {
        assessment: 1,
        nursing: 1,
        family_intervention: 1,
        mbt_session: 1,
        imr_session: 1,
        psychoeducation: 1,
      },
      familyReached: true,
    });
    expect(t.enrolments[0].eligibility.eligible).toBe(true);
  });

  it("reaches the threshold with 5 psychosocial interventions, the 5th on day 89", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 95);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    await insertInterventions(
      w,
      patient.id,
      w.ids.sites.s1,
      [1, 2, 3, 4, 89].map((d) => ({ date: day(d), type: "psychotherapy" })),
    );
    const early = (await timeline(patient.id)).enrolments[0].early;
    expect(early).toMatchObject({ psychosocial: 5, intensive: true, familyReached: false });
  });

  it("ends the early window with an enrolment that ended on day 30", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 100);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    const ended = await c.clinician1.patch(`/api/enrolments/${enrolment.id}`, {
      endDate: day(30),
      endReason: "dropped_out",
    });
    expect(ended.statusCode, ended.body).toBe(200);
    await insertInterventions(w, patient.id, w.ids.sites.s1, [
      { date: day(30), type: "psychotherapy" },
      { date: day(31), type: "psychotherapy", recipient: "patient_and_family" },
    ]);
    const t = await timeline(patient.id);
    expect(t.enrolments[0]).toMatchObject({
      carePeriodEnd: day(30),
      early: { end: day(30), countedUntil: day(30), closed: true, psychosocial: 1, familyReached: false },
    });
    expect(t.events.find((e: { kind: string }) => e.kind === "enrolment_end")).toMatchObject({
      date: day(30),
      endReason: "dropped_out",
    });
  });

  it("counts an open window up to today and says how many days are left", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 10);
    await insertInterventions(w, patient.id, w.ids.sites.s1, [{ date: today(), type: "skills_training" }]);
    const early = (await timeline(patient.id)).enrolments[0].early;
    expect(early).toMatchObject({
      end: addDays(enrolment.enrolmentDate, 89),
      countedUntil: today(),
      closed: false,
      daysLeft: 79,
      psychosocial: 1,
    });
  });

  it("uses the programme's own early window and threshold", async () => {
    await setProgrammeParameters(w, w.ids.programmes.imr, { earlyWindowDays: 30, intensiveThreshold: 2 });
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s3, w.ids.programmes.imr, 40);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    await insertInterventions(w, patient.id, w.ids.sites.s3, [
      { date: day(29), type: "imr_session" },
      { date: day(29), type: "mbt_session" },
      { date: day(30), type: "imr_session" },
    ]);
    const early = (await timeline(patient.id, "clinician3")).enrolments[0].early;
    expect(early).toMatchObject({ end: day(29), psychosocial: 1, threshold: 2, intensive: false, total: 2 });
  });
});

describe("registry: the patient page's plans and events", () => {
  it("takes the plans of the enrolment from 90 days before it, the latest deciding 'signed'", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 30);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    const { db } = w.database;
    const plan = (code: string, created: string, signed: boolean) => ({
      code,
      patient_id: patient.id,
      site_id: w.ids.sites.s1,
      created_date: created,
      shared_with_patient_date: null,
      signed_by_patient: signed,
      shared_with_social_services: false,
      shared_with_work_inclusion: false,
      integrated_actions_started: false,
    });
    await db
      .insertInto("treatment_plans")
      .values([plan(`TPX-${patient.id}-OLD`, day(-91), true)])
      .execute();
    let t = await timeline(patient.id);
    expect(t.enrolments[0].plans).toEqual({ count: 0, latestPlanId: null, latestSigned: null });
    await db
      .insertInto("treatment_plans")
      .values([plan(`TPX-${patient.id}-A`, day(-90), true), plan(`TPX-${patient.id}-B`, day(5), true)])
      .execute();
    const [z] = await db
      .insertInto("treatment_plans")
      .values([plan(`TPX-${patient.id}-Z`, day(5), false)])
      .returning("id")
      .execute();
    t = await timeline(patient.id);
    expect(t.enrolments[0].plans).toEqual({ count: 3, latestPlanId: z!.id, latestSigned: false });
    expect(t.plans).toHaveLength(4);
  });

  it("lists enrolment, care, group sessions, assessments and plan versions in one chronological line", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20);
    const day = (d: number) => addDays(enrolment.enrolmentDate, d);
    expectCreated(
      await c.clinician1.post("/api/interventions", {
        patientId: patient.id,
        siteId: w.ids.sites.s1,
        date: day(2),
        type: "psychotherapy",
      }),
    );
    const group = expectCreated(
      await c.clinician1.post("/api/groups", {
        siteId: w.ids.sites.s1,
        kind: "dbt_skills",
        name: "DBT skills",
        startDate: day(0),
      }),
    );
    await c.clinician1.put(`/api/groups/${group.id}/members`, {
      members: [{ patientId: patient.id, joinedDate: day(0) }],
    });
    expectCreated(
      await c.clinician1.post(`/api/groups/${group.id}/sessions`, { date: day(4), attendees: [patient.id] }),
    );
    await w.database.db
      .insertInto("assessments")
      .values({
        code: `A-${patient.id}`,
        patient_id: patient.id,
        date: day(1),
        instrument: "ZAN-BPD",
        respondent: "clinician",
        timepoint: "baseline",
        total_score: 21,
      })
      .execute();
    const plan = expectCreated(
      await c.clinician1.post("/api/treatment-plans", planBody(patient.id, w.ids.sites.s1, day(3))),
    );
    await c.clinician1.patch(`/api/treatment-plans/${plan.id}`, { baseVersion: 1, signedByPatient: true });

    const t = await timeline(patient.id);
    const line = t.events.map((e: { kind: string; date: string }) => [e.kind, e.date]);
    expect(line).toEqual([
      ["enrolment", day(0)],
      ["assessment", day(1)],
      ["intervention", day(2)],
      ["plan_version", day(3)],
      ["group_session", day(4)],
      ["plan_version", today()],
    ]);
    const session = t.events.find((e: { kind: string }) => e.kind === "group_session");
    expect(session).toMatchObject({
      psychosocial: true,
      group: { id: group.id, kind: "dbt_skills", name: "DBT skills" },
      intervention: { type: "skills_training", setting: "group" },
    });
    expect(t.events.find((e: { kind: string }) => e.kind === "assessment")).toMatchObject({
      instrument: "ZAN-BPD",
      totalScore: 21,
    });
    expect(
      t.events
        .filter((e: { kind: string }) => e.kind === "plan_version")
        .map((e: { version: number; changedBy: string }) => [e.version, e.changedBy]),
    ).toEqual([
      [1, "clinician1"],
      [2, "clinician1"],
    ]);
    expect(t.enrolments[0].plans).toMatchObject({ count: 1, latestSigned: true });
    expect(t.plans[0]).toMatchObject({ id: plan.id, version: 2 });
  });
});

describe("registry: who may open a patient page", () => {
  let patientId: number;
  beforeAll(async () => {
    patientId = (await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 5)).patient.id;
  });

  it.each<[Who, number]>([
    ["admin", 200],
    ["coordinator", 200],
    ["sitecoord1", 200],
    ["clinician1", 200],
    ["clinician2", 403],
    ["clinician3", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("%s → %i; every page read is audited", async (who, status) => {
    const res = await c[who].get(`/api/patients/${patientId}/timeline`);
    expect(res.statusCode).toBe(status);
    const entries = await w.audit({ entity: "timeline", action: "read", entityId: patientId, actor: who });
    expect(entries.length > 0).toBe(status === 200);
    if (status === 200) expect(entries[0]!.siteId).toBe(w.ids.sites.s1);
  });

  it("answers 404 for an unknown patient", async () => {
    expect((await c.admin.get("/api/patients/999999/timeline")).statusCode).toBe(404);
  });
});

describe("registry: a patient with 500 interventions", () => {
  // How fast this answers is measured by `npm run bench timeline` (docs/benchmarks.md), not here.
  it("gets every event on one timeline, in date order", async () => {
    const { patient, enrolment } = await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 300);
    await insertInterventions(
      w,
      patient.id,
      w.ids.sites.s1,
      Array.from({ length: 500 }, (_, i) => ({
        date: addDays(enrolment.enrolmentDate, i % 300),
        type: i % 2 ? "psychotherapy" : "nursing",
      })),
    );
    const events = (await timeline(patient.id)).events;
    expect(events).toHaveLength(501);
    const dates = events.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });
});
