import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import {
  createPatient,
  daysAgo,
  enrolledPatient,
  expectCreated,
  planBody,
} from "../support/registry-world.ts";
import { type Username, worldOfFile } from "../support/world.ts";

/**
 * The home page (`GET /api/home`) and the data-quality worklist, for every role: what each role
 * gets, and that nothing of another site or programme — nor, for a viewer, anything patient-level —
 * ever appears.
 */
let ids: {
  noContact: number;
  noDiagnosis: { patientId: number; enrolmentId: number };
  closing: { patientId: number };
  imrPatient: number;
};

type HomeBody = {
  audiences: string[];
  worklists: Array<{
    siteId: number;
    siteCode: string;
    withoutCaseManager: number;
    withoutPlan: number;
    dueThisWeek: Array<{ patientCode: string }>;
  }>;
  overdueActivities: { total: number; items: Array<{ title: string; siteCode: string | null }> };
  openRounds: Array<{ label: string; missing: Array<{ siteCode: string }>; asked: number }>;
  belowTarget: Array<{
    programmeCode: string;
    siteCode: string;
    indicatorId: string;
    value: number;
    target: number;
  }>;
  fidelityDue: Array<{
    programmeCode: string;
    siteCode: string;
    overdue: boolean;
    lastReview: string | null;
  }>;
  dataQuality: Array<{
    siteCode: string;
    enrolmentsWithoutDiagnosis: number;
    patientsWithoutFirstContact: number;
    plansWithoutSharedDate: number;
  }>;
  aggregates: Array<{ programmeCode: string; indicators: Array<{ indicatorId: string; target: number }> }>;
};

async function home(user: Username): Promise<{ body: HomeBody; raw: string }> {
  const res = await (await w.as(user)).get("/api/home");
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json(), raw: res.body };
}

const activity = (title: string, end: string, status = "planned") => ({
  title,
  responsibleActor: "Implementation team",
  start: addDays(end, -30),
  end,
  status,
});

async function savePlan(programmeId: number, scope: string, activities: ReturnType<typeof activity>[]) {
  const admin = await w.as("admin");
  const url = `/api/programmes/${programmeId}/planning/action-plan/${scope}`;
  // a site may already hold the region's copy (sites start from the region's plan)
  const current = await admin.get(url);
  const baseVersion = current.statusCode === 200 ? (current.json().version as number) : 0;
  expectCreated(
    await admin.put(url, {
      baseVersion,
      strategicAreas: [{ title: "Area", subAreas: [{ title: "Sub-area", activities }] }],
    }),
    200,
  );
}

const w = worldOfFile(async () => {
  const { s1, s2, s3 } = w.ids.sites;
  const { bpd, imr } = w.ids.programmes;
  const db = w.database.db;

  // Data quality at S1: a patient without a first contact, an enrolment without a diagnosis, a
  // plan not yet shared; at S3 (IMR), a patient without a first contact.
  const noContact = await createPatient(w, s1, { code: "DQ-A", firstContactDate: null });
  const b = await enrolledPatient(w, s1, bpd, 3);
  await db
    .updateTable("enrolments")
    .set({ primary_diagnosis: null })
    .where("id", "=", b.enrolment.id)
    .execute();
  // An early window closing in 4 days with no psychosocial intervention: due this week.
  const c = await enrolledPatient(w, s1, bpd, 85, { caseManagerCode: "CM-1", caseManagerProfile: "nurse" });
  expectCreated(
    await (await w.as("admin")).post("/api/treatment-plans", planBody(c.patient.id, s1, daysAgo(80))),
  );
  const z = await createPatient(w, s3, { code: "DQ-Z", firstContactDate: null });
  ids = {
    noContact: noContact.id,
    noDiagnosis: { patientId: b.patient.id, enrolmentId: b.enrolment.id },
    closing: { patientId: c.patient.id },
    imrPatient: z.id,
  };

  // Action plans: S1's and S3's (IMR) with one overdue activity each, S2's with none, then the
  // BPD region's. The sites' own plans come first, so none of them starts from a copy of the
  // region's (sites without a plan would: docs/planning.md, "Sites start from the region").
  await savePlan(bpd, `sites/${s1}`, [activity("S1 overdue", daysAgo(3), "in_progress")]);
  await savePlan(bpd, `sites/${s2}`, []);
  await savePlan(imr, `sites/${s3}`, [activity("S3 overdue", daysAgo(5), "delayed")]);
  await savePlan(bpd, "region", [
    activity("Regional overdue", daysAgo(10)),
    activity("Regional done", daysAgo(10), "done"),
    activity("Regional ends today", today()),
  ]);

  // An open round of a BPD questionnaire, answered by S2 only; a closed one nobody answered.
  const q = await db
    .insertInto("planning_questionnaires")
    .values({ programme_id: bpd, code: "PQ", title: "Progress" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [open, closed] = await db
    .insertInto("planning_rounds")
    .values([
      {
        questionnaire_id: q.id,
        label: "Spring",
        opens_on: daysAgo(5),
        closes_on: addDays(today(), 10),
        definition_version: 1,
      },
      {
        questionnaire_id: q.id,
        label: "Winter",
        opens_on: daysAgo(60),
        closes_on: daysAgo(30),
        definition_version: 1,
      },
    ])
    .returning("id")
    .execute();
  const answer = await db
    .insertInto("planning_artefacts")
    .values({
      programme_id: bpd,
      kind: "questionnaire_response",
      site_id: s2,
      round_id: open!.id,
      current_version: 1,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("planning_versions")
    .values({
      artefact_id: answer.id,
      version: 1,
      content: JSON.stringify({ submitted: true, answers: {} }),
      author: "test",
    })
    .execute();
  expect(closed).toBeDefined();

  // A recent fidelity review at S2 (BPD): not due; S1 never reviewed: due.
  await db
    .insertInto("fidelity_reviews")
    .values({
      scale: "goi",
      scale_version: "1",
      programme_id: bpd,
      site_id: s2,
      review_date: daysAgo(30),
      result: JSON.stringify({}),
    })
    .execute();
});

const titles = (h: HomeBody) => h.overdueActivities.items.map((a) => a.title).sort();
const qualitySites = (h: HomeBody) => h.dataQuality.map((d) => d.siteCode);

describe("GET /api/home", () => {
  it("refuses a request without a session (401)", async () => {
    expect((await w.anonymous.get("/api/home")).statusCode).toBe(401);
  });

  it("an administrator: every programme's overdue activities, rounds, targets, fidelity and every site's data quality", async () => {
    const { body } = await home("admin");
    expect(body.audiences).toEqual(["administrator"]);
    expect(titles(body)).toEqual(["Regional overdue", "S1 overdue", "S3 overdue"]);
    expect(qualitySites(body)).toEqual(["S1", "S2", "S3"]);
    expect(body.fidelityDue.map((f) => `${f.programmeCode}:${f.siteCode}`).sort()).toEqual([
      "BPD-LOM:S1",
      "IMR-LOM:S3",
    ]);
    expect(body.worklists).toEqual([]);
    expect(body.aggregates).toEqual([]);
  });

  it("a regional coordinator: their programme's items only — never S3 (another programme's site)", async () => {
    const { body, raw } = await home("coordinator");
    expect(body.audiences).toEqual(["regional_coordinator"]);
    expect(titles(body)).toEqual(["Regional overdue", "S1 overdue"]);
    expect(body.openRounds).toHaveLength(1);
    expect(body.openRounds[0]!.label).toBe("Spring");
    expect(body.openRounds[0]!.asked).toBe(2);
    expect(body.openRounds[0]!.missing.map((m) => m.siteCode)).toEqual(["S1"]);
    expect(body.fidelityDue.map((f) => `${f.siteCode}:${f.overdue}:${f.lastReview}`)).toEqual([
      "S1:true:null",
    ]);
    // S1 has 2 enrolments against a target of 15 per site: below target on the enrolment indicator
    const enrolled = body.belowTarget.filter((b) => b.siteCode === "S1");
    expect(enrolled.length).toBeGreaterThan(0);
    for (const b of body.belowTarget) {
      expect(b.programmeCode).toBe("BPD-LOM");
      expect(b.value).toBeLessThan(b.target);
    }
    expect(qualitySites(body)).toEqual(["S1", "S2"]);
    const s1 = body.dataQuality.find((d) => d.siteCode === "S1")!;
    expect(s1).toMatchObject({
      enrolmentsWithoutDiagnosis: 1,
      patientsWithoutFirstContact: 1,
      plansWithoutSharedDate: 1,
    });
    expect(raw).not.toContain("S3 overdue");
    expect(raw).not.toContain('"S3"');
    expect(body.worklists).toEqual([]);
  });

  it("a site coordinator: their site's worklists (due this week), plan, round and data quality", async () => {
    const { body, raw } = await home("sitecoord1");
    expect(body.audiences).toEqual(["site_staff"]);
    expect(body.worklists.map((s) => s.siteCode)).toEqual(["S1"]);
    const [s1] = body.worklists;
    expect(s1!.withoutCaseManager).toBeGreaterThanOrEqual(1);
    expect(s1!.withoutPlan).toBeGreaterThanOrEqual(1);
    expect(s1!.dueThisWeek.map((i) => i.patientCode)).toHaveLength(1);
    expect(titles(body)).toEqual(["S1 overdue"]);
    expect(body.openRounds.map((r) => r.missing.map((m) => m.siteCode))).toEqual([["S1"]]);
    expect(qualitySites(body)).toEqual(["S1"]);
    expect(body.belowTarget).toEqual([]);
    expect(body.fidelityDue).toEqual([]);
    expect(raw).not.toContain("Regional overdue");
    expect(raw).not.toContain("DQ-Z");
    // the worklists are patient-level: their read is audited
    const entries = await w.audit({ entity: "worklist", entityId: w.ids.sites.s1 });
    expect(entries.some((e) => e.actor === "sitecoord1" && e.action === "read")).toBe(true);
  });

  it("a clinician of another site sees nothing of S1, and a site whose round is answered has no round", async () => {
    const { body, raw } = await home("clinician2");
    expect(body.worklists.map((s) => s.siteCode)).toEqual(["S2"]);
    expect(body.openRounds).toEqual([]);
    expect(body.overdueActivities).toEqual({ total: 0, items: [] });
    expect(qualitySites(body)).toEqual(["S2"]);
    expect(raw).not.toContain('"S1"');
    expect(raw).not.toContain("DQ-");

    const s3 = (await home("clinician3")).body;
    expect(titles(s3)).toEqual(["S3 overdue"]);
    expect(s3.dataQuality).toEqual([
      expect.objectContaining({
        siteCode: "S3",
        patientsWithoutFirstContact: 1,
        enrolmentsWithoutDiagnosis: 0,
      }),
    ]);
  });

  it("a viewer gets programme-level aggregates only: no site, no patient, no planning item", async () => {
    const { body, raw } = await home("viewer");
    expect(body.audiences).toEqual(["viewer"]);
    expect(body.aggregates.map((a) => a.programmeCode).sort()).toEqual(["BPD-LOM", "IMR-LOM"]);
    const bpd = body.aggregates.find((a) => a.programmeCode === "BPD-LOM")!;
    expect(bpd.indicators.length).toBeGreaterThan(0);
    for (const i of bpd.indicators) expect(typeof i.target).toBe("number");
    expect(body.worklists).toEqual([]);
    expect(body.overdueActivities).toEqual({ total: 0, items: [] });
    expect(body.openRounds).toEqual([]);
    expect(body.belowTarget).toEqual([]);
    expect(body.fidelityDue).toEqual([]);
    expect(body.dataQuality).toEqual([]);
    expect(raw).not.toMatch(/"patient(Id|Code)"|"enrolment(Id|Code)"/);
    expect(raw).not.toContain("DQ-");
    expect(raw).not.toContain('"siteId"');
  });
});

describe("the data-quality worklist", () => {
  it("counts per site of the user's sites; a viewer is refused with reason aggregates_only", async () => {
    const coordinator = await (await w.as("coordinator")).get("/api/data-quality");
    expect(coordinator.statusCode).toBe(200);
    expect(coordinator.json().sites.map((s: { siteCode: string }) => s.siteCode)).toEqual(["S1", "S2"]);
    const clinician = await (await w.as("clinician1")).get("/api/data-quality");
    expect(clinician.json().sites.map((s: { siteCode: string }) => s.siteCode)).toEqual(["S1"]);
    const viewer = await (await w.as("viewer")).get("/api/data-quality");
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json()).toMatchObject({ error: "forbidden", reason: "aggregates_only" });
  });

  it("a site's records, with what links each to its patient; the read is audited", async () => {
    const url = `/api/sites/${w.ids.sites.s1}/data-quality`;
    for (const user of ["admin", "coordinator", "sitecoord1", "clinician1"] as const) {
      const res = await (await w.as(user)).get(url);
      expect(res.statusCode, `${user}: ${res.body}`).toBe(200);
      const body = res.json();
      expect(body.site.code).toBe("S1");
      expect(
        body.enrolmentsWithoutDiagnosis.items.map((i: { enrolmentId: number }) => i.enrolmentId),
      ).toEqual([ids.noDiagnosis.enrolmentId]);
      expect(
        body.patientsWithoutFirstContact.items.map((i: { patientCode: string }) => i.patientCode),
      ).toEqual(["DQ-A"]);
      expect(body.plansWithoutSharedDate.items.map((i: { patientId: number }) => i.patientId)).toEqual([
        ids.closing.patientId,
      ]);
    }
    const [entry] = await w.audit({ entity: "data_quality", entityId: w.ids.sites.s1, actor: "clinician1" });
    expect(entry).toMatchObject({ action: "read", siteId: w.ids.sites.s1 });
    expect(entry!.detail.patientIds).toEqual(
      [ids.noContact, ids.noDiagnosis.patientId, ids.closing.patientId].sort((a, b) => a - b),
    );
  });

  it("refuses another site (403 not_your_site), a viewer (403 aggregates_only) and an unknown site (404)", async () => {
    const url = `/api/sites/${w.ids.sites.s1}/data-quality`;
    for (const user of ["clinician2", "clinician3"] as const) {
      const res = await (await w.as(user)).get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: "forbidden", reason: "not_your_site" });
    }
    const s3 = await (await w.as("coordinator")).get(`/api/sites/${w.ids.sites.s3}/data-quality`);
    expect(s3.json()).toMatchObject({ error: "forbidden", reason: "not_your_site" });
    const viewer = await (await w.as("viewer")).get(url);
    expect(viewer.json()).toMatchObject({ error: "forbidden", reason: "aggregates_only" });
    expect((await (await w.as("admin")).get("/api/sites/999999/data-quality")).statusCode).toBe(404);
  });
});

describe("403 replies carry a stable reason", () => {
  it("names why: aggregates only, not your patient, not your site, administrators only", async () => {
    const viewer = await (await w.as("viewer")).get(`/api/patients/${ids.imrPatient}`);
    expect(viewer.json()).toMatchObject({ error: "forbidden", reason: "aggregates_only" });
    const other = await (await w.as("clinician1")).get(`/api/patients/${ids.imrPatient}`);
    expect(other.json()).toMatchObject({ error: "forbidden", reason: "not_your_patient" });
    const site = await (await w.as("clinician1")).get(`/api/sites/${w.ids.sites.s3}/worklists`);
    expect(site.json()).toMatchObject({ error: "forbidden", reason: "not_your_site" });
    const admin = await (await w.as("clinician1")).get("/api/users");
    expect(admin.json()).toMatchObject({ error: "forbidden", reason: "administrators_only" });
    const programme = await (await w.as("clinician3")).get(
      `/api/programmes/${w.ids.programmes.bpd}/indicators`,
    );
    expect(programme.json()).toMatchObject({ error: "forbidden", reason: "not_your_programme" });
    // every 403 "forbidden" has a reason: a rule without its own reads `not_permitted`
    const pins = await (await w.as("clinician1")).put(
      `/api/programmes/${w.ids.programmes.bpd}/indicator-pins`,
      {
        indicatorIds: [],
      },
    );
    expect(pins.statusCode).toBe(403);
    expect(pins.json()).toMatchObject({ error: "forbidden", reason: "not_permitted" });
  });
});
