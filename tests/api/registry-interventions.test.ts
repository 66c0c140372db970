import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { today } from "../../src/server/infra/time/civil-date.ts";
import {
  createPatient,
  daysAgo,
  expectCreated,
  issuesOf,
  linkProfessional,
  registryCounts,
  thisYear,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

let s1Patient: { id: number };
let s3Patient: { id: number };
const { w, c } = withRegistryWorld(async () => {
  // The BPD practice adds a psychosocial type of its own.
  await w.database.db
    .updateTable("practice_versions")
    .set({
      definition: sql`jsonb_set(definition, '{interventionTypes}', '[{"code":"mbt_session","label":"MBT session","psychosocial":true}]'::jsonb)`,
    })
    .where("practice_id", "=", w.ids.practices.bpd)
    .execute();
  s1Patient = await createPatient(w, w.ids.sites.s1);
  s3Patient = await createPatient(w, w.ids.sites.s3);
});

const row = (extra: Record<string, unknown> = {}) => ({
  patientId: s1Patient.id,
  siteId: w.ids.sites.s1,
  date: daysAgo(1),
  type: "psychoeducation",
  setting: "individual",
  recipient: "patient",
  durationMin: 45,
  ...extra,
});

describe("registry: recording one intervention", () => {
  it.each<[Who, "s1" | "s3", "s1" | "s2" | "s3", number]>([
    ["admin", "s1", "s1", 201],
    ["coordinator", "s1", "s2", 201],
    ["sitecoord1", "s1", "s1", 201],
    ["clinician1", "s1", "s1", 201],
    ["clinician1", "s1", "s3", 403],
    ["clinician1", "s3", "s1", 403],
    ["clinician2", "s1", "s2", 403],
    ["clinician3", "s3", "s3", 201],
    ["clinician3", "s1", "s3", 403],
    ["viewer", "s1", "s1", 403],
    ["anonymous", "s1", "s1", 401],
  ])(
    "%s recording for a patient of %s at %s → %i; stored and audited only on success",
    async (who, home, site, status) => {
      const { id: patientId } = await createPatient(w, w.ids.sites[home]);
      const before = await registryCounts(w);
      const res = await c[who].post("/api/interventions", row({ patientId, siteId: w.ids.sites[site] }));
      expect(res.statusCode, res.body).toBe(status);
      expect((await registryCounts(w)).interventions - before.interventions).toBe(status === 201 ? 1 : 0);
      if (status !== 201) return;
      const i = res.json();
      expect(i).toMatchObject({
        code: expect.stringMatching(/^I-[0-9A-Z]{10}$/),
        groupId: null,
        durationMin: 45,
      });
      const [entry] = await w.audit({ entity: "intervention", action: "create", entityId: i.id });
      expect(entry).toMatchObject({ actor: who, siteId: w.ids.sites[site], detail: { before: null } });
    },
  );

  it("accepts a practice's own type and module, and defaults setting and recipient", async () => {
    const res = await c.clinician1.post("/api/interventions", {
      patientId: s1Patient.id,
      siteId: w.ids.sites.s1,
      date: today(),
      type: "mbt_session",
      module: "IMR-2",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: "mbt_session",
      module: "IMR-2",
      setting: "individual",
      recipient: "patient",
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a name", { patientName: "Mario" }, ["body.patientName:unrecognized_keys"]],
    ["a duration of 0 minutes", { durationMin: 0 }, ["body.durationMin:too_small"]],
    ["a duration of 601 minutes", { durationMin: 601 }, ["body.durationMin:too_big"]],
    ["a duration as text", { durationMin: "45" }, ["body.durationMin:invalid_type"]],
    ["a fractional duration", { durationMin: 4.5 }, ["body.durationMin:invalid_type"]],
    ["a future date", { date: "2999-01-01" }, ["body.date:future"]],
    ["a date before the birth year", { date: `${thisYear() - 30}-01-01` }, ["body.date:before_birth"]],
    ["an unknown type", { type: "massage" }, ["body.type:taxonomy"]],
    ["an unknown module", { module: "DBT-9" }, ["body.module:module"]],
    ["an unknown setting", { setting: "online" }, ["body.setting:invalid_value"]],
    ["an unknown recipient", { recipient: "friend" }, ["body.recipient:invalid_value"]],
    ["an unknown profile", { professionalProfile: "surgeon" }, ["body.professionalProfile:invalid_value"]],
    ["no date", { date: undefined }, ["body.date:required"]],
    ["an unknown patient", { patientId: 999999 }, ["body.patientId:reference"]],
    ["an unknown site", { siteId: 999999 }, ["body.siteId:reference"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const before = await registryCounts(w);
    const res = await c.admin.post("/api/interventions", row(patch));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });
});

describe("registry: recording a day in one batch", () => {
  it("stores every row in one transaction with one audit entry each", async () => {
    const res = await c.clinician1.post("/api/interventions/batch", {
      rows: [
        row(),
        row({ type: "psychotherapy" }),
        row({ type: "nursing", recipient: "patient_and_family" }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items.map((i: { type: string }) => i.type)).toEqual([
      "psychoeducation",
      "psychotherapy",
      "nursing",
    ]);
    for (const i of items) {
      const [entry] = await w.audit({ entity: "intervention", action: "create", entityId: i.id });
      expect(entry!.actor).toBe("clinician1");
    }
  });

  it("reports every schema problem at its row and stores nothing", async () => {
    const before = await registryCounts(w);
    const res = await c.clinician1.post("/api/interventions/batch", {
      rows: [row(), row({ durationMin: 0 }), row(), row({ type: "not a code", name: "x" })],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      "body.rows.1.durationMin:too_small",
      "body.rows.3.name:unrecognized_keys",
      "body.rows.3.type:invalid_format",
    ]);
    expect(await registryCounts(w)).toEqual(before);
  });

  it("reports every rule problem at its row (dates, types, references) and stores nothing", async () => {
    const before = await registryCounts(w);
    const res = await c.clinician1.post("/api/interventions/batch", {
      rows: [
        row(),
        row({ date: "2999-01-01" }),
        row({ type: "massage", module: "X-1" }),
        row({ patientId: 999999 }),
        row({ date: `${thisYear() - 40}-03-01` }),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      "body.rows.1.date:future",
      "body.rows.2.module:module",
      "body.rows.2.type:taxonomy",
      "body.rows.3.patientId:reference",
      "body.rows.4.date:before_birth",
    ]);
    expect(await registryCounts(w)).toEqual(before);
  });

  it("refuses the whole batch (403) when one row reaches another site's patient or site", async () => {
    const before = await registryCounts(w);
    const hidden = await c.clinician1.post("/api/interventions/batch", {
      rows: [row(), row({ patientId: s3Patient.id })],
    });
    expect(hidden.statusCode).toBe(403);
    expect(issuesOf(hidden)).toEqual(["body.rows.1.patientId:forbidden"]);
    const site = await c.clinician1.post("/api/interventions/batch", {
      rows: [row({ siteId: w.ids.sites.s2 }), row()],
    });
    expect(site.statusCode).toBe(403);
    expect(issuesOf(site)).toEqual(["body.rows.0.siteId:forbidden"]);
    expect(await registryCounts(w)).toEqual(before);
  });

  it("takes at most 500 rows and at least one; viewers and anonymous callers are refused", async () => {
    const tooMany = await c.admin.post("/api/interventions/batch", {
      rows: Array.from({ length: 501 }, () => row()),
    });
    expect(issuesOf(tooMany)).toEqual(["body.rows:too_big"]);
    expect(issuesOf(await c.admin.post("/api/interventions/batch", { rows: [] }))).toEqual([
      "body.rows:too_small",
    ]);
    const full = await c.admin.post("/api/interventions/batch", {
      rows: Array.from({ length: 500 }, () => row()),
    });
    expect(full.statusCode).toBe(201);
    expect(full.json().items).toHaveLength(500);
    expect((await c.viewer.post("/api/interventions/batch", { rows: [row()] })).statusCode).toBe(403);
    expect((await w.anonymous.post("/api/interventions/batch", { rows: [row()] })).statusCode).toBe(401);
  });
});

describe("registry: the fast form's defaults", () => {
  it("proposes today, my professional code and the type I recorded last", async () => {
    await linkProfessional(w, "clinician2", w.ids.sites.s2, "PSY-S2-01", "psychologist");
    const first = await c.clinician2.get(`/api/interventions/defaults?siteId=${w.ids.sites.s2}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      date: today(),
      type: null,
      setting: "individual",
      recipient: "patient",
      professionalCode: "PSY-S2-01",
      professionalProfile: "psychologist",
    });
    const codes = first.json().types.map((t: { code: string }) => t.code);
    expect(codes).toContain("family_intervention");
    expect(first.json().types.find((t: { code: string }) => t.code === "mbt_session")).toMatchObject({
      psychosocial: true,
      practiceCode: "BPD",
    });
    expect(first.json().modules.map((m: { code: string }) => m.code)).toEqual(["IMR-1", "IMR-2"]);
    const mine = await createPatient(w, w.ids.sites.s2);
    expectCreated(
      await c.clinician2.post(
        "/api/interventions",
        row({ patientId: mine.id, siteId: w.ids.sites.s2, type: "social_support", durationMin: 30 }),
      ),
    );
    const after = await c.clinician2.get(`/api/interventions/defaults?siteId=${w.ids.sites.s2}`);
    expect(after.json()).toMatchObject({ type: "social_support", durationMin: 30 });
    // Someone else's last type is not mine.
    expect((await c.clinician3.get(`/api/interventions/defaults?siteId=${w.ids.sites.s3}`)).json().type).toBe(
      "psychoeducation",
    );
  });

  it.each<[Who, "s1" | "s2" | "s3", number]>([
    ["clinician1", "s1", 200],
    ["clinician1", "s3", 403],
    ["coordinator", "s2", 200],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s at %s → %i", async (who, site, status) => {
    const res = await c[who].get(`/api/interventions/defaults?siteId=${w.ids.sites[site]}`);
    expect(res.statusCode).toBe(status);
  });
});

describe("registry: deleting a mistaken intervention", () => {
  it.each<[Who, number]>([
    ["clinician1", 200],
    ["coordinator", 200],
    ["admin", 200],
    ["clinician2", 403],
    ["clinician3", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("%s → %i; a deletion keeps the whole record in the audit log", async (who, status) => {
    const i = expectCreated(await c.admin.post("/api/interventions", row()));
    const res = await c[who].delete(`/api/interventions/${i.id}`);
    expect(res.statusCode, res.body).toBe(status);
    const stored = await w.database.db
      .selectFrom("interventions")
      .select("id")
      .where("id", "=", i.id)
      .execute();
    expect(stored).toHaveLength(status === 200 ? 0 : 1);
    if (status === 200) {
      const [entry] = await w.audit({ entity: "intervention", action: "delete", entityId: i.id });
      expect(entry).toMatchObject({
        actor: who,
        detail: { after: null, before: { id: i.id, type: "psychoeducation" } },
      });
    }
  });

  it("answers 404 for an unknown intervention", async () => {
    expect((await c.admin.delete("/api/interventions/999999")).statusCode).toBe(404);
  });
});
