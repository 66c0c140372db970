import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { createPatient, daysAgo, issuesOf, linkProfessional, planBody } from "../support/registry-world.ts";
import { rowCount } from "../support/row-counts.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

/**
 * Integrated care records, part A (issue 13, part 3): consent, care plan content, crisis plan,
 * and the shared read by a service the patient consented to — allowed and refused per role and
 * site, every read and refusal audited.
 */
let w: World;
const ids = { patient: 0, other: 0, plan: 0, svcS2: 0, svcS3: 0, svcFree: 0, proS1: 0, proS2: 0 };

async function addService(code: string): Promise<{ id: number; version: number }> {
  const res = await (await w.as("admin")).post("/api/directory/services", {
    regionId: w.ids.region,
    code,
    name: `Service ${code}`,
    sector: "social_care",
    referralRoute: "professional",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  w = await createWorld();
  ids.patient = (await createPatient(w, w.ids.sites.s1)).id;
  ids.other = (await createPatient(w, w.ids.sites.s1)).id;
  const s2 = await addService("SOC-S2");
  const s3 = await addService("SOC-S3");
  ids.svcS2 = s2.id;
  ids.svcS3 = s3.id;
  ids.svcFree = (await addService("SOC-FREE")).id;
  // the region's coordinator links two services to sites (their staff then read shared plans)
  const coordinator = await w.as("coordinator");
  for (const [svc, site] of [
    [s2, w.ids.sites.s2],
    [s3, w.ids.sites.s3],
  ] as const) {
    const res = await coordinator.put(`/api/directory/services/${svc.id}/site`, {
      baseVersion: svc.version,
      siteId: site,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().siteId).toBe(site);
  }
  const plan = await (await w.as("clinician1")).post(
    "/api/treatment-plans",
    planBody(ids.patient, w.ids.sites.s1, daysAgo(30), { sharedWithSocialServices: true }),
  );
  expect(plan.statusCode, plan.body).toBe(201);
  ids.plan = plan.json().id;
  ids.proS1 = await linkProfessional(w, "clinician1", w.ids.sites.s1, "PRO-S1");
  ids.proS2 = await linkProfessional(w, "clinician2", w.ids.sites.s2, "PRO-S2");
});
afterAll(async () => {
  await w?.close();
});

const consent = (extra: Record<string, unknown> = {}) => ({
  siteId: w.ids.sites.s1,
  serviceId: ids.svcS2,
  scope: "both",
  givenDate: daysAgo(5),
  ...extra,
});
const count = (table: "care_consents" | "care_plan_contents" | "crisis_plans") => rowCount(w, table);

describe("directory: a service's site", () => {
  it.each<Username>(["clinician1", "sitecoord1", "viewer"])(
    "refuses %s linking a service to a site",
    async (u) => {
      const res = await (await w.as(u)).put(`/api/directory/services/${ids.svcFree}/site`, {
        baseVersion: 1,
        siteId: w.ids.sites.s1,
      });
      expect(res.statusCode).toBe(403);
    },
  );

  it("refuses an unknown site (400 naming body.siteId) and a stale version (409)", async () => {
    const admin = await w.as("admin");
    const unknown = await admin.put(`/api/directory/services/${ids.svcFree}/site`, {
      baseVersion: 1,
      siteId: 999999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown)).toEqual(["body.siteId:reference"]);
    const stale = await admin.put(`/api/directory/services/${ids.svcFree}/site`, {
      baseVersion: 7,
      siteId: null,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe("consent to share: writing", () => {
  it.each<Username>(["admin", "coordinator", "clinician2", "clinician3", "viewer"])(
    "refuses %s with 403 and stores nothing",
    async (u) => {
      const before = await count("care_consents");
      const res = await (await w.as(u)).post(`/api/patients/${ids.patient}/consents`, consent());
      expect(res.statusCode).toBe(403);
      expect(await count("care_consents")).toBe(before);
    },
  );

  it("refuses a clinician of the site recording at another site (403)", async () => {
    const res = await (await w.as("clinician1")).post(
      `/api/patients/${ids.patient}/consents`,
      consent({ siteId: w.ids.sites.s2 }),
    );
    expect(res.statusCode).toBe(403);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a date in the future", { givenDate: addDays(today(), 1) }, ["body.givenDate:future"]],
    ["an unknown service", { serviceId: 999999 }, ["body.serviceId:reference"]],
    ["an unknown scope", { scope: "everything" }, ["body.scope:invalid_value"]],
  ])("refuses %s naming the field", async (_name, extra, expected) => {
    const res = await (await w.as("clinician1")).post(
      `/api/patients/${ids.patient}/consents`,
      consent(extra),
    );
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
  });

  it("lets a clinician of the patient's site record consent, audited; a second current one is refused", async () => {
    const res = await (await w.as("clinician1")).post(`/api/patients/${ids.patient}/consents`, consent());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ scope: "both", current: true, service: { code: "SOC-S2" } });
    const [entry] = await w.audit({ entity: "care_consent" });
    expect(entry).toMatchObject({ action: "create", actor: "clinician1", siteId: w.ids.sites.s1 });
    const again = await (await w.as("sitecoord1")).post(`/api/patients/${ids.patient}/consents`, consent());
    expect(again.statusCode).toBe(400);
    expect(issuesOf(again)).toEqual(["body.serviceId:exists"]);
  });

  it("lets the site coordinator record consent for another service", async () => {
    const res = await (await w.as("sitecoord1")).post(
      `/api/patients/${ids.other}/consents`,
      consent({ serviceId: ids.svcS3, scope: "care_plan" }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("care plan content", () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    baseVersion: 0,
    goals: [{ text: "Back to part-time work" }],
    actions: [
      {
        text: "Weekly sessions",
        goal: 0,
        who: { kind: "professional", professionalId: ids.proS1 },
        dueDate: daysAgo(1),
      },
      {
        text: "Job coaching",
        goal: 0,
        who: { kind: "service", serviceId: ids.svcS2 },
        status: "in_progress",
      },
      { text: "Keep a diary", goal: 0, who: { kind: "person" } },
    ],
    reviewDate: addDays(today(), 60),
    ...extra,
  });

  it.each<Username>(["admin", "coordinator", "clinician2", "clinician3", "viewer"])(
    "refuses %s with 403",
    async (u) => {
      const res = await (await w.as(u)).put(`/api/treatment-plans/${ids.plan}/content`, body());
      expect(res.statusCode).toBe(403);
    },
  );

  it.each<[string, () => Record<string, unknown>, string[]]>([
    [
      "an action whose goal the plan does not have",
      () => body({ goals: [], actions: [{ text: "x", goal: 0, who: { kind: "family" } }] }),
      ["body.actions.0.goal:unknown_goal"],
    ],
    [
      "a review date before the plan's date",
      () => body({ reviewDate: daysAgo(31) }),
      ["body.reviewDate:before_plan_date"],
    ],
    [
      "a professional of another site",
      () =>
        body({ actions: [{ text: "x", goal: 0, who: { kind: "professional", professionalId: ids.proS2 } }] }),
      ["body.actions.0.who.professionalId:not_at_site"],
    ],
    ["an empty goal", () => body({ goals: [{ text: "  " }], actions: [] }), ["body.goals.0.text:too_small"]],
  ])("refuses %s naming the field", async (_name, make, expected) => {
    const res = await (await w.as("clinician1")).put(`/api/treatment-plans/${ids.plan}/content`, make());
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
  });

  it("saves goals and actions as version 1, audited; a stale version is refused with 409", async () => {
    const res = await (await w.as("clinician1")).put(`/api/treatment-plans/${ids.plan}/content`, body());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      goals: [{ text: "Back to part-time work" }],
      actions: [
        { who: { kind: "professional", professionalCode: "PRO-S1" }, status: "planned" },
        { who: { kind: "service", serviceName: "Service SOC-S2" }, status: "in_progress" },
        { who: { kind: "person" } },
      ],
    });
    const [entry] = await w.audit({ entity: "care_plan_content" });
    expect(entry).toMatchObject({ action: "update", actor: "clinician1" });
    const stale = await (await w.as("sitecoord1")).put(`/api/treatment-plans/${ids.plan}/content`, body());
    expect(stale.statusCode).toBe(409);
    expect(issuesOf(stale)).toEqual(["body.baseVersion:stale_version"]);
    const next = await (await w.as("sitecoord1")).put(
      `/api/treatment-plans/${ids.plan}/content`,
      body({ baseVersion: 1 }),
    );
    expect(next.json().version).toBe(2);
  });
});

describe("crisis plan", () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    baseVersion: 0,
    siteId: w.ids.sites.s1,
    planDate: daysAgo(3),
    warningSigns: "Stops sleeping; withdraws from friends",
    whatHelps: "A walk with her sister; a call with the case manager",
    actions: [{ text: "Call the crisis line", who: { kind: "family" } }],
    contactServiceIds: [ids.svcS2],
    reviewDate: addDays(today(), 90),
    ...extra,
  });

  it.each<Username>(["admin", "coordinator", "clinician2", "clinician3", "viewer"])(
    "refuses %s with 403",
    async (u) => {
      const before = await count("crisis_plans");
      const res = await (await w.as(u)).put(`/api/patients/${ids.patient}/crisis-plan`, body());
      expect(res.statusCode).toBe(403);
      expect(await count("crisis_plans")).toBe(before);
    },
  );

  it.each<[string, () => Record<string, unknown>, string[]]>([
    [
      "a review date before the plan date",
      () => ({ reviewDate: daysAgo(4) }),
      ["body.reviewDate:before_plan_date"],
    ],
    [
      "a plan date in the future",
      () => ({ planDate: addDays(today(), 2), reviewDate: null }),
      ["body.planDate:future"],
    ],
    ["an unknown contact", () => ({ contactServiceIds: [999999] }), ["body.contactServiceIds.0:reference"]],
    [
      "a contact twice",
      () => ({ contactServiceIds: [ids.svcS2, ids.svcS2] }),
      ["body.contactServiceIds:duplicate"],
    ],
  ])("refuses %s naming the field", async (_name, extra, expected) => {
    const res = await (await w.as("clinician1")).put(
      `/api/patients/${ids.patient}/crisis-plan`,
      body(extra()),
    );
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
  });

  it("creates the crisis plan, then a stale save is refused", async () => {
    const res = await (await w.as("clinician1")).put(`/api/patients/${ids.patient}/crisis-plan`, body());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, contacts: [{ code: "SOC-S2" }] });
    const stale = await (await w.as("clinician1")).put(`/api/patients/${ids.patient}/crisis-plan`, body());
    expect(stale.statusCode).toBe(409);
  });
});

describe("the patient page's section", () => {
  it.each<[Username, number]>([
    ["clinician1", 200],
    ["sitecoord1", 200],
    ["admin", 200],
    ["coordinator", 200],
    ["clinician2", 403],
    ["clinician3", 403],
    ["viewer", 403],
  ])("answers %s with %i", async (u, status) => {
    const res = await (await w.as(u)).get(`/api/patients/${ids.patient}/care`);
    expect(res.statusCode).toBe(status);
    if (status === 200) {
      const body = res.json();
      expect(body.canWrite).toBe(u === "clinician1" || u === "sitecoord1");
      expect(body.consents).toHaveLength(1);
      expect(body.crisisPlan.version).toBe(1);
      expect(body.services.map((s: { code: string }) => s.code)).toContain("SOC-S2");
    }
  });

  it("audits the read", async () => {
    await (await w.as("clinician1")).get(`/api/patients/${ids.patient}/care`);
    const [entry] = await w.audit({ entity: "care_record" });
    expect(entry).toMatchObject({ action: "read", actor: "clinician1", entityId: String(ids.patient) });
  });
});

describe("the shared read, consent checked on every read", () => {
  const read = async (u: Username, patientId = ids.patient) =>
    (await w.as(u)).get(`/api/care/shared/patients/${patientId}`);

  it("lets the staff of a consented service read the plans only, audited", async () => {
    const res = await read("clinician2");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.patientCode).toMatch(/^P-/);
    expect(Object.keys(body).sort()).toEqual([
      "carePlans",
      "crisisPlan",
      "patientCode",
      "patientId",
      "services",
    ]);
    expect(body.services).toEqual([expect.objectContaining({ code: "SOC-S2", scope: "both" })]);
    expect(body.carePlans[0].goals).toEqual([{ text: "Back to part-time work" }]);
    expect(body.crisisPlan.warningSigns).toContain("Stops sleeping");
    const [entry] = await w.audit({ entity: "shared_care_plan" });
    expect(entry).toMatchObject({ action: "read", actor: "clinician2", entityId: String(ids.patient) });
  });

  it.each<Username>(["clinician3", "admin", "coordinator"])(
    "refuses %s (no consent names a service of their sites) with 403 no_consent, audited",
    async (u) => {
      const res = await read(u);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ reason: "no_consent" });
      const [entry] = await w.audit({ entity: "shared_care_plan" });
      expect(entry).toMatchObject({ action: "read_refused", actor: u });
    },
  );

  it("refuses a viewer before any patient-level look", async () => {
    expect((await read("viewer")).statusCode).toBe(403);
  });

  it("gives a care-plan-only consent the care plan and not the crisis plan", async () => {
    const res = await read("clinician3", ids.other);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().crisisPlan).toBeNull();
    expect(res.json().carePlans).toEqual([]);
  });

  it("lists the patients shared with the user's service", async () => {
    const mine = await (await w.as("clinician2")).get("/api/care/shared");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().map((p: { patientId: number }) => p.patientId)).toEqual([ids.patient]);
    const none = await (await w.as("clinician1")).get("/api/care/shared");
    expect(none.json()).toEqual([]);
    expect((await (await w.as("viewer")).get("/api/care/shared")).statusCode).toBe(403);
  });

  it("refuses the next read once consent is withdrawn; the consent stays in the history", async () => {
    const [current] = (await (await w.as("clinician1")).get(`/api/patients/${ids.patient}/care`)).json()
      .consents;
    const early = await (await w.as("clinician1")).post(`/api/consents/${current.id}/withdraw`, {
      withdrawnDate: daysAgo(6),
      reason: "Asked to stop sharing",
    });
    expect(early.statusCode).toBe(400);
    expect(issuesOf(early)).toEqual(["body.withdrawnDate:before_consent"]);
    const refused = await (await w.as("clinician2")).post(`/api/consents/${current.id}/withdraw`, {
      withdrawnDate: today(),
      reason: "x",
    });
    expect(refused.statusCode).toBe(403);
    const res = await (await w.as("clinician1")).post(`/api/consents/${current.id}/withdraw`, {
      withdrawnDate: today(),
      reason: "Asked to stop sharing",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ current: false, withdrawnDate: today() });
    const next = await read("clinician2");
    expect(next.statusCode).toBe(403);
    expect(next.json().reason).toBe("no_consent");
    expect((await (await w.as("clinician2")).get("/api/care/shared")).json()).toEqual([]);
    const again = await (await w.as("clinician1")).post(`/api/consents/${current.id}/withdraw`, {
      withdrawnDate: today(),
      reason: "again",
    });
    expect(again.statusCode).toBe(409);
    const history = (await (await w.as("clinician1")).get(`/api/patients/${ids.patient}/care`)).json()
      .consents;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ withdrawalReason: "Asked to stop sharing", current: false });
  });
});
