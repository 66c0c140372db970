import { describe, expect, it } from "vitest";
import {
  createPatient,
  daysAgo,
  enrol,
  issuesOf,
  registryCounts,
  thisYear,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

const { w, c } = withRegistryWorld();

const body = (patientId: number, extra: Record<string, unknown> = {}) => ({
  patientId,
  programmeId: w.ids.programmes.bpd,
  siteId: w.ids.sites.s1,
  enrolmentDate: daysAgo(3),
  primaryDiagnosis: "F60.31",
  ...extra,
});

describe("registry: enrolling", () => {
  it.each<[Who, "s1" | "s3", "s1" | "s2", number]>([
    ["admin", "s1", "s1", 201],
    ["coordinator", "s1", "s2", 201],
    ["sitecoord1", "s1", "s1", 201],
    ["clinician1", "s1", "s1", 201],
    ["clinician1", "s1", "s2", 403],
    ["clinician1", "s3", "s1", 403],
    ["clinician2", "s1", "s2", 403],
    ["clinician3", "s1", "s1", 403],
    ["viewer", "s1", "s1", 403],
    ["anonymous", "s1", "s1", 401],
  ])(
    "%s enrolling a patient of %s at %s → %i; stored and audited only on success",
    async (who, home, site, status) => {
      const patient = await createPatient(w, w.ids.sites[home]);
      const before = await registryCounts(w);
      const res = await c[who].post("/api/enrolments", body(patient.id, { siteId: w.ids.sites[site] }));
      expect(res.statusCode, res.body).toBe(status);
      expect((await registryCounts(w)).enrolments - before.enrolments).toBe(status === 201 ? 1 : 0);
      if (status !== 201) return;
      const e = res.json();
      expect(e.code).toMatch(/^E-[0-9A-Z]{8}$/);
      expect(e.eligibility.eligible).toBe(true);
      const [entry] = await w.audit({ entity: "enrolment", action: "create", entityId: e.id });
      expect(entry).toMatchObject({
        actor: who,
        siteId: w.ids.sites[site],
        programmeId: w.ids.programmes.bpd,
      });
    },
  );

  it("stores the eligibility check; an ineligible patient needs a reason, then is enrolled with it", async () => {
    const old = await createPatient(w, w.ids.sites.s1, { birthYear: thisYear() - 40 });
    const before = await registryCounts(w);
    const refused = await c.clinician1.post("/api/enrolments", body(old.id, { primaryDiagnosis: null }));
    expect(refused.statusCode).toBe(400);
    expect(issuesOf(refused)).toEqual(["body.overrideReason:not_eligible"]);
    const message: string = refused.json().issues[0].message;
    expect(message).toContain("age_band");
    expect(message).toContain("target_diagnosis");
    expect(message).not.toContain("new_to_service");
    expect(await registryCounts(w)).toEqual(before);

    const enrolled = await c.clinician1.post(
      "/api/enrolments",
      body(old.id, { primaryDiagnosis: null, overrideReason: "referred by the BPD team" }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json()).toMatchObject({
      overrideReason: "referred by the BPD team",
      eligibility: {
        eligible: false,
        checks: [
          { rule: "age_band", ok: false },
          { rule: "target_diagnosis", ok: null },
          { rule: "new_to_service", ok: true },
        ],
      },
    });
  });

  it("previews eligibility for the form, audited, within the same access rules", async () => {
    const p = await createPatient(w, w.ids.sites.s1, { firstContactDate: daysAgo(800) });
    const q = `patientId=${p.id}&programmeId=${w.ids.programmes.bpd}&enrolmentDate=${daysAgo(1)}&primaryDiagnosis=F60.3`;
    const res = await c.clinician1.get(`/api/enrolments/eligibility?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().eligible).toBe(false);
    expect(res.json().checks.find((x: { rule: string }) => x.rule === "new_to_service").ok).toBe(false);
    const [entry] = await w.audit({ entity: "eligibility", action: "read", entityId: p.id });
    expect(entry!.actor).toBe("clinician1");
    expect((await c.clinician3.get(`/api/enrolments/eligibility?${q}`)).statusCode).toBe(403);
    expect((await c.viewer.get(`/api/enrolments/eligibility?${q}`)).statusCode).toBe(403);
    expect((await w.anonymous.get(`/api/enrolments/eligibility?${q}`)).statusCode).toBe(401);
    const unknown = await c.admin.get(
      `/api/enrolments/eligibility?patientId=${p.id}&programmeId=999999&enrolmentDate=${daysAgo(1)}`,
    );
    expect(issuesOf(unknown)).toEqual(["querystring.programmeId:reference"]);
  });

  it("allows one enrolment per patient and programme (409), and another programme at its own site", async () => {
    const p = await createPatient(w, w.ids.sites.s1);
    await enrol(w, body(p.id));
    const before = await registryCounts(w);
    const dup = await c.admin.post("/api/enrolments", body(p.id, { siteId: w.ids.sites.s2 }));
    expect(dup.statusCode).toBe(409);
    expect(issuesOf(dup)).toEqual(["body.programmeId:already_enrolled"]);
    expect(await registryCounts(w)).toEqual(before);
    const imr = await c.admin.post(
      "/api/enrolments",
      body(p.id, { programmeId: w.ids.programmes.imr, siteId: w.ids.sites.s3 }),
    );
    expect(imr.statusCode, imr.body).toBe(201);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a name", { name: "Mario" }, ["body.name:unrecognized_keys"]],
    ["a diagnosis without the dot", { primaryDiagnosis: "F603" }, ["body.primaryDiagnosis:invalid_format"]],
    [
      "a lower-case secondary diagnosis",
      { secondaryDiagnosis: "f10.2" },
      ["body.secondaryDiagnosis:invalid_format"],
    ],
    [
      "a case manager profile without a code",
      { caseManagerProfile: "nurse" },
      ["body.caseManagerProfile:custom"],
    ],
    [
      "an unknown profile",
      { caseManagerCode: "CM1", caseManagerProfile: "surgeon" },
      ["body.caseManagerProfile:invalid_value"],
    ],
    ["a date not on the calendar", { enrolmentDate: "2023-13-01" }, ["body.enrolmentDate:calendar_date"]],
    [
      "a date in another format",
      { enrolmentDate: "01/02/2023" },
      // one issue, the format: "not on the calendar" beside it would say the same twice
      ["body.enrolmentDate:invalid_format"],
    ],
    ["a future enrolment date", { enrolmentDate: "2999-01-01" }, ["body.enrolmentDate:future"]],
    [
      "an enrolment before the birth year",
      { enrolmentDate: `${thisYear() - 30}-06-01` },
      ["body.enrolmentDate:before_birth"],
    ],
    ["a site the programme does not run at", { siteId: "S3" }, ["body.siteId:programme_site"]],
    ["an unknown programme", { programmeId: 999999 }, ["body.programmeId:reference"]],
    ["an unknown patient", { patientId: 999999 }, ["body.patientId:reference"]],
    ["an empty override reason", { overrideReason: " " }, ["body.overrideReason:too_small"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const p = await createPatient(w, w.ids.sites.s1);
    const fixed = { ...patch, ...(patch.siteId === "S3" ? { siteId: w.ids.sites.s3 } : {}) };
    const before = await registryCounts(w);
    const res = await c.admin.post("/api/enrolments", body(p.id, fixed));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });
});

describe("registry: changing and ending an enrolment", () => {
  const fresh = async () => {
    const p = await createPatient(w, w.ids.sites.s1);
    return enrol(w, body(p.id, { enrolmentDate: daysAgo(40) }));
  };

  it("ends an enrolment with date and reason, reopens it, and sets the case manager — each audited", async () => {
    const e = await fresh();
    const ended = await c.clinician1.patch(`/api/enrolments/${e.id}`, {
      endDate: e.enrolmentDate,
      endReason: "dropped_out",
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: e.enrolmentDate, endReason: "dropped_out" });
    const reason = await c.clinician1.patch(`/api/enrolments/${e.id}`, { endReason: "moved" });
    expect(reason.json()).toMatchObject({ endDate: e.enrolmentDate, endReason: "moved" });
    const reopened = await c.clinician1.patch(`/api/enrolments/${e.id}`, { endDate: null, endReason: null });
    expect(reopened.json()).toMatchObject({ endDate: null, endReason: null });
    const cm = await c.sitecoord1.patch(`/api/enrolments/${e.id}`, {
      caseManagerCode: "NURSE-7",
      caseManagerProfile: "nurse",
      secondaryDiagnosis: "F10.2",
    });
    expect(cm.json()).toMatchObject({ caseManagerCode: "NURSE-7", caseManagerProfile: "nurse" });
    const cleared = await c.sitecoord1.patch(`/api/enrolments/${e.id}`, { caseManagerCode: null });
    expect(cleared.json()).toMatchObject({ caseManagerCode: null, caseManagerProfile: null });
    const [entry] = await w.audit({ entity: "enrolment", action: "update", entityId: e.id });
    expect(entry!.detail).toMatchObject({
      before: { caseManagerCode: "NURSE-7" },
      after: { caseManagerCode: null },
    });
  });

  it.each<[string, (start: string) => Record<string, unknown>, string[]]>([
    [
      "an end before the start",
      (s) => ({ endDate: addDays(s, -1), endReason: "completed" }),
      ["body.endDate:before_start"],
    ],
    [
      "an end reason without an end date",
      () => ({ endReason: "completed" }),
      ["body.endReason:requires_end_date"],
    ],
    ["an end date without a reason", (s) => ({ endDate: s }), ["body.endReason:required"]],
    [
      "an end in the future",
      () => ({ endDate: "2999-01-01", endReason: "completed" }),
      ["body.endDate:future"],
    ],
    ["an unknown end reason", (s) => ({ endDate: s, endReason: "cured" }), ["body.endReason:invalid_value"]],
    [
      "a profile without a case manager",
      () => ({ caseManagerProfile: "nurse" }),
      ["body.caseManagerProfile:requires_case_manager"],
    ],
    [
      "a change of programme",
      () => ({ programmeId: 1, caseManagerCode: "X" }),
      ["body.programmeId:unrecognized_keys"],
    ],
    ["nothing to change", () => ({}), ["body:custom"]],
  ])("refuses %s with 400 naming the field, changing nothing", async (_name, make, expected) => {
    const e = await fresh();
    const res = await c.clinician1.patch(`/api/enrolments/${e.id}`, make(e.enrolmentDate));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    const stored = await w.database.db
      .selectFrom("enrolments")
      .selectAll()
      .where("id", "=", e.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ end_date: null, end_reason: null, case_manager_profile: null });
  });

  it.each<[Who, number]>([
    ["admin", 200],
    ["coordinator", 200],
    ["clinician2", 403],
    ["clinician3", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("PATCH by %s → %i", async (who, status) => {
    const e = await fresh();
    const res = await c[who].patch(`/api/enrolments/${e.id}`, { caseManagerCode: "CM-1" });
    expect(res.statusCode, res.body).toBe(status);
    const stored = await w.database.db
      .selectFrom("enrolments")
      .select("case_manager_code")
      .where("id", "=", e.id)
      .executeTakeFirstOrThrow();
    expect(stored.case_manager_code).toBe(status === 200 ? "CM-1" : null);
  });

  it("answers 404 for an unknown enrolment", async () => {
    expect((await c.admin.patch("/api/enrolments/999999", { caseManagerCode: "X" })).statusCode).toBe(404);
  });
});

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
