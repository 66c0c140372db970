import { describe, expect, it } from "vitest";
import {
  createPatient,
  daysAgo,
  expectCreated,
  issuesOf,
  planBody,
  registryCounts,
  thisYear,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

const { w, c } = withRegistryWorld();

const newPlan = (patientId: number, siteId: number, extra: Record<string, unknown> = {}) =>
  planBody(patientId, siteId, daysAgo(20), { sharedWithPatientDate: null, ...extra });

async function plan(site: "s1" | "s3" = "s1") {
  const p = await createPatient(w, w.ids.sites[site]);
  return expectCreated(await c.admin.post("/api/treatment-plans", newPlan(p.id, w.ids.sites[site])));
}

describe("registry: treatment plans", () => {
  it.each<[Who, "s1" | "s3", "s1" | "s2" | "s3", number]>([
    ["admin", "s3", "s3", 201],
    ["coordinator", "s1", "s2", 201],
    ["sitecoord1", "s1", "s1", 201],
    ["clinician1", "s1", "s1", 201],
    ["clinician1", "s1", "s3", 403],
    ["clinician1", "s3", "s1", 403],
    ["clinician2", "s1", "s2", 403],
    ["viewer", "s1", "s1", 403],
    ["anonymous", "s1", "s1", 401],
  ])(
    "%s creating a plan for a patient of %s at %s → %i; version 1 is kept in the history",
    async (who, home, site, status) => {
      const p = await createPatient(w, w.ids.sites[home]);
      const before = await registryCounts(w);
      const res = await c[who].post("/api/treatment-plans", newPlan(p.id, w.ids.sites[site]));
      expect(res.statusCode, res.body).toBe(status);
      const after = await registryCounts(w);
      const stored = status === 201 ? 1 : 0;
      expect([
        after.treatment_plans - before.treatment_plans,
        after.treatment_plan_history - before.treatment_plan_history,
      ]).toEqual([stored, stored]);
      if (status !== 201) return;
      expect(res.json()).toMatchObject({ version: 1, code: expect.stringMatching(/^TP-/) });
      const [entry] = await w.audit({ entity: "treatment_plan", action: "create", entityId: res.json().id });
      expect(entry).toMatchObject({ actor: who, siteId: w.ids.sites[site] });
    },
  );

  it("saves new versions with optimistic locking and keeps each in the history with its author", async () => {
    const tp = await plan();
    const shared = await c.clinician1.patch(`/api/treatment-plans/${tp.id}`, {
      baseVersion: 1,
      sharedWithPatientDate: daysAgo(10),
      sharedWithSocialServices: true,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({
      version: 2,
      sharedWithSocialServices: true,
      signedByPatient: false,
    });
    const signed = await c.sitecoord1.patch(`/api/treatment-plans/${tp.id}`, {
      baseVersion: 2,
      signedByPatient: true,
    });
    expect(signed.json()).toMatchObject({
      version: 3,
      signedByPatient: true,
      sharedWithPatientDate: daysAgo(10),
    });

    const before = await registryCounts(w);
    const stale = await c.clinician1.patch(`/api/treatment-plans/${tp.id}`, {
      baseVersion: 2,
      signedByPatient: false,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe("stale_version");
    expect(issuesOf(stale)).toEqual(["body.baseVersion:stale_version"]);
    expect(await registryCounts(w)).toEqual(before);

    const history = await c.clinician1.get(`/api/treatment-plans/${tp.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(
      history
        .json()
        .versions.map((v: { version: number; changedBy: string; state: { signedByPatient: boolean } }) => [
          v.version,
          v.changedBy,
          v.state.signedByPatient,
        ]),
    ).toEqual([
      [3, "sitecoord1", true],
      [2, "clinician1", false],
      [1, "admin", false],
    ]);
    const [read] = await w.audit({ entity: "treatment_plan", action: "read", entityId: tp.id });
    expect(read).toMatchObject({ actor: "clinician1", siteId: w.ids.sites.s1 });
    const [update] = await w.audit({ entity: "treatment_plan", action: "update", entityId: tp.id });
    expect(update!.detail).toMatchObject({
      before: { version: 2, signedByPatient: false },
      after: { version: 3, signedByPatient: true },
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a name", { patientName: "x" }, ["body.patientName:unrecognized_keys"]],
    ["a future creation date", { createdDate: "2999-01-01" }, ["body.createdDate:future"]],
    [
      "a creation before the birth year",
      { createdDate: `${thisYear() - 40}-01-01` },
      ["body.createdDate:before_birth"],
    ],
    [
      "sharing before the plan existed",
      { sharedWithPatientDate: daysAgo(21) },
      ["body.sharedWithPatientDate:before_created"],
    ],
    ["sharing in the future", { sharedWithPatientDate: "2999-01-01" }, ["body.sharedWithPatientDate:future"]],
    ["a missing flag", { signedByPatient: undefined }, ["body.signedByPatient:required"]],
    ["a Y/N flag", { signedByPatient: "Y" }, ["body.signedByPatient:invalid_type"]],
    ["an unknown patient", { patientId: 999999 }, ["body.patientId:reference"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const p = await createPatient(w, w.ids.sites.s1);
    const before = await registryCounts(w);
    const res = await c.admin.post("/api/treatment-plans", newPlan(p.id, w.ids.sites.s1, patch));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["no base version", { signedByPatient: true }, ["body.baseVersion:required"]],
    ["nothing to change", { baseVersion: 1 }, ["body:custom"]],
    [
      "sharing before creation",
      { baseVersion: 1, sharedWithPatientDate: daysAgo(30) },
      ["body.sharedWithPatientDate:before_created"],
    ],
    [
      "moving the plan to another patient",
      { baseVersion: 1, patientId: 1, signedByPatient: true },
      ["body.patientId:unrecognized_keys"],
    ],
  ])("refuses a change with %s, storing nothing", async (_name, body, expected) => {
    const tp = await plan();
    const before = await registryCounts(w);
    const res = await c.clinician1.patch(`/api/treatment-plans/${tp.id}`, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });

  it.each<[Who, number, number]>([
    ["clinician1", 200, 200],
    ["coordinator", 200, 200],
    ["admin", 200, 200],
    ["clinician2", 403, 403],
    ["clinician3", 403, 403],
    ["viewer", 403, 403],
    ["anonymous", 401, 401],
  ])("an S1 plan: %s changing → %i, reading the history → %i", async (who, patchStatus, readStatus) => {
    const tp = await plan();
    const res = await c[who].patch(`/api/treatment-plans/${tp.id}`, {
      baseVersion: 1,
      signedByPatient: true,
    });
    expect(res.statusCode, res.body).toBe(patchStatus);
    const history = await c[who].get(`/api/treatment-plans/${tp.id}/history`);
    expect(history.statusCode).toBe(readStatus);
    const stored = await w.database.db
      .selectFrom("treatment_plans")
      .select("version")
      .where("id", "=", tp.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(patchStatus === 200 ? 2 : 1);
  });

  it("answers 404 for an unknown plan", async () => {
    expect(
      (await c.admin.patch("/api/treatment-plans/999999", { baseVersion: 1, signedByPatient: true }))
        .statusCode,
    ).toBe(404);
    expect((await c.admin.get("/api/treatment-plans/999999/history")).statusCode).toBe(404);
  });
});
