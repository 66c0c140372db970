import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOverdue } from "../../src/server/planning/action-plan/overdue.ts";
import {
  addDays,
  createPlanningWorld,
  EVERYONE,
  type PlanningUser,
  type PlanningWorld,
  today,
} from "./support.ts";

const TEAM = { in_implementation_team: true, team_coordinator: false, trained: true, training_hours: null };

let w: PlanningWorld;
let region: string;
let s1: string;
let s2: string;
beforeAll(async () => {
  w = await createPlanningWorld();
  region = `${w.base}/action-plan/region`;
  s1 = `${w.base}/action-plan/sites/${w.ids.sites.s1}`;
  s2 = `${w.base}/action-plan/sites/${w.ids.sites.s2}`;
  await w.database.db
    .insertInto("professionals")
    .values([
      { code: "S1-PSY1", site_id: w.ids.sites.s1, profile: "psychologist", ...TEAM },
      { code: "S2-NUR1", site_id: w.ids.sites.s2, profile: "nurse", ...TEAM },
    ])
    .execute();
  const coord = await w.as("coordinator");
  const toc = await coord.put(`${w.base}/toc/region`, {
    baseVersion: 0,
    nodes: [
      { id: "op-enrol", type: "output", text: "Patients enrolled" },
      { id: "oc-care", type: "outcome", text: "Early intensive care" },
    ],
    edges: [{ from: "op-enrol", to: "oc-care" }],
  });
  expect(toc.statusCode, toc.body).toBe(200);
});
afterAll(async () => {
  await w?.close();
});

const activity = (over: Record<string, unknown> = {}) => ({
  title: "Enrol patients at first contact",
  responsibleActor: "Implementation team coordinator",
  start: "2024-01-15",
  end: "2024-06-30",
  stakeholders: ["CMHC", "Child and Adolescent MH Services"],
  targetPopulation: "Young adults 18–30 with BPD",
  finalBeneficiaries: "Patients and families",
  status: "in_progress",
  ...over,
});

const plan = (activities: unknown[]) => ({
  strategicAreas: [
    {
      id: "sa-care",
      title: "Care pathways and psychosocial interventions",
      subAreas: [{ id: "sub-enrol", title: "Enrolment and assessment", activities }],
    },
  ],
});

async function save(user: PlanningUser, url: string, body: object) {
  const { version } = (await (await w.as("admin")).get(url)).json();
  return (await w.user(user)).put(url, { baseVersion: version, ...body });
}

describe("action plan", () => {
  it("stores the regional plan with its ToC output resolved", async () => {
    const res = await save(
      "coordinator",
      region,
      plan([
        activity({ id: "a-enrol", tocOutputNodeId: "op-enrol", responsibleProfessionalCode: "S1-PSY1" }),
        activity({
          id: "a-train",
          title: "Train in DBT skills",
          responsibleActor: "",
          responsibleProfessionalCode: "S2-NUR1",
        }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().content.strategicAreas[0].subAreas[0].activities[0];
    expect(a.tocOutput).toEqual({ id: "op-enrol", text: "Patients enrolled", scope: "region" });
  });

  it("refuses dates out of order, nobody responsible, unknown professionals and ToC outputs, naming each field", async () => {
    const base = "body.strategicAreas.0.subAreas.0.activities";
    const faulty = [
      activity({ start: "2024-05-01", end: "2024-04-30" }),
      activity({ responsibleActor: "", responsibleProfessionalCode: null }),
      activity({ responsibleProfessionalCode: "S2-NUR1" }),
      activity({ responsibleProfessionalCode: "NOBODY" }),
      activity({ tocOutputNodeId: "oc-care" }),
      activity({ tocOutputNodeId: "no-such-node" }),
    ];
    const res = await save("sitecoord1", s1, plan([...faulty, activity({ start: "2024-02-30" })]));
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`);
    expect(issues).toEqual([`${base}.6.start calendar_date`]);
    const res2 = await save("sitecoord1", s1, plan(faulty));
    expect(res2.statusCode).toBe(400);
    expect(res2.json().issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).toEqual([
      `${base}.0.end end_before_start`,
      `${base}.1.responsibleActor required`,
      `${base}.2.responsibleProfessionalCode reference`,
      `${base}.3.responsibleProfessionalCode reference`,
      `${base}.4.tocOutputNodeId reference`,
      `${base}.5.tocOutputNodeId reference`,
    ]);
    expect(res2.json().issues[2].message).toContain('no professional with code "S2-NUR1" works at this site');
    // nothing stored: S1 still has the copy of the regional plan it started from
    expect((await (await w.as("sitecoord1")).get(s1)).json().version).toBe(1);
  });

  it("flags overdue activities: end before today and not done or dropped; ending today is not overdue", async () => {
    const t = today();
    const y = addDays(t, -1);
    const res = await save(
      "sitecoord2",
      s2,
      plan([
        activity({ id: "ends-today", start: y, end: t, status: "planned" }),
        activity({ id: "ended-yesterday", start: y, end: y, status: "planned" }),
        activity({ id: "delayed", start: y, end: y, status: "delayed" }),
        activity({ id: "in-progress", start: y, end: y, status: "in_progress" }),
        activity({ id: "done", start: y, end: y, status: "done" }),
        activity({ id: "dropped", start: y, end: y, status: "dropped" }),
        activity({ id: "future", start: t, end: addDays(t, 30), status: "planned" }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const flags = Object.fromEntries(
      res
        .json()
        .content.strategicAreas[0].subAreas[0].activities.map((a: { id: string; overdue: boolean }) => [
          a.id,
          a.overdue,
        ]),
    );
    expect(flags).toEqual({
      "ends-today": false,
      "ended-yesterday": true,
      delayed: true,
      "in-progress": true,
      done: false,
      dropped: false,
      future: false,
    });
    expect(res.json().content.summary).toMatchObject({ today: t, activities: 7, overdue: 3 });
    expect(isOverdue({ end: "2025-03-01", status: "planned" }, "2025-03-01")).toBe(false);
    expect(isOverdue({ end: "2025-02-28", status: "planned" }, "2025-03-01")).toBe(true);
  });

  it("is read by the site's people and the programme's coordinators, not by viewers or other sites", async () => {
    for (const u of EVERYONE) {
      const res = await (await w.user(u)).get(s2);
      const ok = ["admin", "coordinator", "sitecoord2", "clinician2"].includes(u);
      expect(res.statusCode, u).toBe(ok ? 200 : 403);
    }
    expect((await (await w.as("viewer")).get(region)).statusCode).toBe(200);
  });
});

describe("copy to sites and the regional progress view", () => {
  it("refuses anyone but the region's editors, and sites outside the programme", async () => {
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const) {
      const res = await (await w.user(u)).post(`${region}/copy-to-sites`, { siteIds: [w.ids.sites.s1] });
      expect(res.statusCode, u).toBe(403);
    }
    const outside = await (await w.as("coordinator")).post(`${region}/copy-to-sites`, {
      siteIds: [w.ids.sites.s3],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().issues[0].field).toBe("body.siteIds.0");
  });

  it("copies nothing when the chosen sites already have a plan, and everything in one go with replace", async () => {
    // both started from the regional plan when the region saved it; S2 has planned its own since
    const coord = await w.as("coordinator");
    const refused = await coord.post(`${region}/copy-to-sites`, {
      siteIds: [w.ids.sites.s1, w.ids.sites.s2],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain("S1, S2 already have plans");
    expect((await coord.get(s1)).json().version).toBe(1);

    const stale = await coord.post(`${region}/copy-to-sites`, {
      siteIds: [w.ids.sites.s1],
      replace: true,
      regionalVersion: 99,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: "stale_version",
      issues: [{ field: "body.regionalVersion" }],
    });
    expect((await coord.get(s1)).json().version).toBe(1);

    const res = await coord.post(`${region}/copy-to-sites`, {
      siteIds: [w.ids.sites.s1, w.ids.sites.s2],
      replace: true,
      regionalVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sites.map((s: { code: string; version: number }) => [s.code, s.version])).toEqual([
      ["S1", 2],
      ["S2", 3],
    ]);
    const site1 = (await coord.get(s1)).json().content.strategicAreas[0].subAreas[0].activities;
    expect(
      site1.map((a: Record<string, unknown>) => [a.id, a.originId, a.status, a.responsibleProfessionalCode]),
    ).toEqual([
      ["a-enrol", "a-enrol", "planned", "S1-PSY1"],
      ["a-train", "a-train", "planned", null],
    ]);
    expect(site1[1].responsibleActor).toBe("to be assigned");
    // the output is found in S1's own Theory of Change: a copy of the region's
    expect(site1[0].tocOutput.scope).toBe("site");
    const site2 = (await coord.get(s2)).json().content.strategicAreas[0].subAreas[0].activities;
    expect(site2.map((a: Record<string, unknown>) => a.responsibleProfessionalCode)).toEqual([
      null,
      "S2-NUR1",
    ]);
    const audits = await w.audit({ entity: "planning.action_plan", actor: "coordinator" });
    expect(
      audits
        .slice(0, 2)
        .map((a) => a.siteId)
        .sort(),
    ).toEqual([w.ids.sites.s1, w.ids.sites.s2].sort());
    const old = await coord.get(`${s2}/versions/2`);
    expect(old.json().content.strategicAreas[0].subAreas[0].activities).toHaveLength(7);
  });

  it("shows each site's status of the regional activities", async () => {
    const sc1 = await w.as("sitecoord1");
    const mine = (await sc1.get(s1)).json();
    const content = {
      strategicAreas: mine.content.strategicAreas.map(
        (sa: { subAreas: Array<{ activities: unknown[] }> }) => ({
          ...sa,
          subAreas: sa.subAreas.map((sub) => ({
            ...sub,
            activities: sub.activities
              .map((x) => {
                const { overdue: _o, tocOutput: _t, ...a } = x as Record<string, unknown>;
                return a;
              })
              .filter((a) => a.id === "a-enrol")
              .map((a) => ({ ...a, status: "done" })),
          })),
        }),
      ),
    };
    const saved = await sc1.put(s1, { baseVersion: mine.version, ...content });
    expect(saved.statusCode, saved.body).toBe(200);

    const res = await (await w.as("coordinator")).get(`${w.base}/action-plan/progress`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sites.map((s: { code: string; planVersion: number }) => [s.code, s.planVersion])).toEqual([
      ["S1", 3],
      ["S2", 3],
    ]);
    const [enrol, train] = body.activities;
    expect(enrol.perSite.map((p: { status: string }) => p.status)).toEqual(["done", "planned"]);
    expect(train.perSite.map((p: { status: string | null }) => p.status)).toEqual([null, "planned"]);
    expect(train.counts).toMatchObject({ planned: 1, missing: 1, done: 0 });
    expect(enrol.strategicArea).toBe("Care pathways and psychosocial interventions");

    const cmp = await sc1.get(`${s1}/versions/2/compare/3`);
    expect(cmp.json().changes).toEqual(
      expect.arrayContaining([
        {
          type: "changed",
          path: ["strategicAreas", "sa-care", "subAreas", "sub-enrol", "activities", "a-enrol", "status"],
          before: "planned",
          after: "done",
        },
        expect.objectContaining({
          type: "removed",
          path: ["strategicAreas", "sa-care", "subAreas", "sub-enrol", "activities", "a-train"],
        }),
      ]),
    );
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const)
      expect((await (await w.user(u)).get(`${w.base}/action-plan/progress`)).statusCode, u).toBe(403);
  });

  it("exports the plan to XLSX and PDF", async () => {
    const c = await w.as("clinician1");
    const x = await c.get(`${s1}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const p = await c.get(`${s1}/export.pdf`);
    expect(p.statusCode).toBe(200);
    expect(p.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
