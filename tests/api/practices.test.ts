import { describe, expect, it } from "vitest";
import { fieldsOf } from "../support/answers.ts";
import { USERNAMES, type Username, worldOfFile } from "../support/world.ts";

const w = worldOfFile();

const EVERY_ROLE = USERNAMES;
const NOT_ADMIN: Username[] = EVERY_ROLE.filter((u) => u !== "admin");

const definition = (over: Record<string, unknown> = {}) => ({
  description: "Mentalization-Based Treatment",
  components: [
    {
      code: "individual",
      name: "Individual therapy",
      modules: [
        { code: "MBT-1", name: "Introduction" },
        { code: "MBT-2", name: "Mentalizing" },
      ],
    },
    { code: "group", name: "Group therapy", modules: [{ code: "MBT-G1", name: "Group" }] },
  ],
  interventionTypes: [{ code: "mbt_session", label: "MBT session", psychosocial: true }],
  eligibility: { ageMin: 18, ageMax: 65, targetDiagnoses: ["F60.3"], newToServiceDays: null },
  ...over,
});

/** The issues' fields of a 4xx answer. */

/** Everything the API shows about the practices, to compare before and after a refused change. */
async function snapshot() {
  const admin = await w.as("admin");
  const list = (await admin.get("/api/practices")).json() as Array<{ id: number }>;
  const versions = await Promise.all(
    list.map(async (p) => (await admin.get(`/api/practices/${p.id}/versions`)).json()),
  );
  return { list, versions };
}

describe("practices: reading", () => {
  it.each(EVERY_ROLE)("lets %s list practices, read one and its history", async (u) => {
    const c = await w.as(u);
    const list = await c.get("/api/practices");
    expect(list.statusCode).toBe(200);
    expect(list.json().map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(["BPD", "IMR"]));
    expect(list.json()[0]).not.toHaveProperty("definition");
    const one = await c.get(`/api/practices/${w.ids.practices.imr}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ code: "IMR", version: 1 });
    expect(one.json().definition.components[0].modules.map((m: { code: string }) => m.code)).toEqual([
      "IMR-1",
      "IMR-2",
    ]);
    const history = await c.get(`/api/practices/${w.ids.practices.imr}/versions`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toHaveLength(1);
  });

  it.each([
    ["GET", "/api/practices"],
    ["GET", "/api/practices/1"],
    ["GET", "/api/practices/1/versions"],
    ["POST", "/api/practices"],
    ["PUT", "/api/practices/1"],
  ] as const)("refuses an anonymous %s %s with 401", async (method, url) => {
    const res = await w.anonymous.inject({ method, url, ...(method === "GET" ? {} : { payload: {} }) });
    expect(res.statusCode).toBe(401);
  });

  it("answers 404 for an unknown practice and 400 for a malformed id", async () => {
    const c = await w.as("viewer");
    expect((await c.get("/api/practices/999999")).statusCode).toBe(404);
    expect((await c.get("/api/practices/999999/versions")).statusCode).toBe(404);
    const bad = await c.get("/api/practices/abc");
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(["params.id"]);
  });
});

describe("practices: creating", () => {
  it("lets an administrator create a practice at version 1, and audits it", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/practices", {
      code: "MBT",
      name: "Mentalization-Based Treatment",
      definition: definition(),
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ code: "MBT", version: 1, definition: definition() });
    const history = (await admin.get(`/api/practices/${created.id}/versions`)).json();
    expect(history).toEqual([
      { version: 1, createdAt: expect.any(String), createdBy: "admin", definition: definition() },
    ]);
    const [entry] = await w.audit({ entity: "practice", entityId: created.id });
    expect(entry).toMatchObject({
      action: "create",
      actor: "admin",
      detail: { before: null, after: { code: "MBT", version: 1 } },
    });
  });

  it("fills the defaults of a minimal definition", async () => {
    const admin = await w.as("admin");
    const res = await admin.post("/api/practices", { code: "MIN", name: "Minimal", definition: {} });
    expect(res.statusCode).toBe(201);
    expect(res.json().definition).toEqual({
      description: "",
      components: [],
      interventionTypes: [],
      eligibility: { ageMin: null, ageMax: null, targetDiagnoses: [], newToServiceDays: null },
    });
  });

  it.each(NOT_ADMIN)("refuses %s with 403 and creates nothing", async (u) => {
    const before = await snapshot();
    const res = await (await w.as(u)).post("/api/practices", {
      code: `X-${u}`,
      name: "x",
      definition: definition(),
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["an unknown field", { extra: 1 }, "body.extra"],
    [
      "an unknown field in the definition",
      { definition: { ...definition(), colour: "red" } },
      "body.definition.colour",
    ],
    ["a code of the wrong type", { code: 12 }, "body.code"],
    ["a malformed code", { code: "has space" }, "body.code"],
    ["an empty name", { name: "  " }, "body.name"],
    [
      "ageMin above ageMax",
      { definition: definition({ eligibility: { ageMin: 40, ageMax: 30 } }) },
      "body.definition.eligibility.ageMin",
    ],
    [
      "an age out of range",
      { definition: definition({ eligibility: { ageMax: 121 } }) },
      "body.definition.eligibility.ageMax",
    ],
    [
      "a malformed diagnosis",
      { definition: definition({ eligibility: { targetDiagnoses: ["F603x"] } }) },
      "body.definition.eligibility.targetDiagnoses.0",
    ],
    [
      "psychosocial not a boolean",
      { definition: definition({ interventionTypes: [{ code: "t", label: "T", psychosocial: "Y" }] }) },
      "body.definition.interventionTypes.0.psychosocial",
    ],
    [
      "a type that redefines the base taxonomy",
      {
        definition: definition({
          interventionTypes: [
            { code: "mbt_session", label: "MBT", psychosocial: true },
            { code: "mbt_group", label: "MBT group", psychosocial: true },
            { code: "psychotherapy", label: "Therapy", psychosocial: true },
          ],
        }),
      },
      "body.definition.interventionTypes.2.code",
    ],
    [
      "a type twice",
      {
        definition: definition({
          interventionTypes: [
            { code: "mbt_session", label: "MBT", psychosocial: true },
            { code: "mbt_session", label: "MBT again", psychosocial: false },
          ],
        }),
      },
      "body.definition.interventionTypes.1.code",
    ],
    [
      "a component twice",
      {
        definition: definition({
          components: [
            { code: "c", name: "C" },
            { code: "c", name: "C again" },
          ],
        }),
      },
      "body.definition.components.1.code",
    ],
    [
      "a module code used in two components",
      {
        definition: definition({
          components: [
            { code: "a", name: "A", modules: [{ code: "M-1", name: "one" }] },
            {
              code: "b",
              name: "B",
              modules: [
                { code: "M-2", name: "two" },
                { code: "M-1", name: "one again" },
              ],
            },
          ],
        }),
      },
      "body.definition.components.1.modules.1.code",
    ],
  ])("refuses %s with 400 naming the field, and creates nothing", async (_what, over, field) => {
    const admin = await w.as("admin");
    const before = await snapshot();
    const res = await admin.post("/api/practices", {
      code: "BAD",
      name: "Bad",
      definition: definition(),
      ...over,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("validation");
    expect(fieldsOf(res)).toContain(field);
    expect(res.json().message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 naming body.code for a code already used", async () => {
    const admin = await w.as("admin");
    const before = await snapshot();
    const res = await admin.post("/api/practices", { code: "BPD", name: "again", definition: definition() });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(["body.code"]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("practices: saving a new version", () => {
  it("adds version 2 and keeps version 1 unchanged; history is newest first; audited", async () => {
    const admin = await w.as("admin");
    const id = w.ids.practices.imr;
    const v1 = (await admin.get(`/api/practices/${id}`)).json();
    const changed = definition({ description: "IMR with a recovery module" });
    const res = await admin.put(`/api/practices/${id}`, {
      name: "IMR (revised)",
      definition: changed,
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: "IMR (revised)", version: 2, definition: changed });
    const history = (await admin.get(`/api/practices/${id}/versions`)).json();
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ createdBy: "admin", definition: changed });
    expect(history[1]).toMatchObject({ createdBy: null, definition: v1.definition });
    const summary = (await admin.get("/api/practices")).json().find((p: { id: number }) => p.id === id);
    expect(summary).toMatchObject({ version: 2, name: "IMR (revised)" });
    // A programme keeps the version it implements.
    const programme = (await admin.get(`/api/programmes/${w.ids.programmes.imr}`)).json();
    expect(programme.practice.version).toBe(1);
    const [entry] = await w.audit({ entity: "practice", entityId: id });
    expect(entry).toMatchObject({
      action: "update",
      detail: {
        before: { version: 1, name: "Illness Management and Recovery" },
        after: { version: 2, name: "IMR (revised)" },
      },
    });
  });

  it("refuses a save based on an outdated version with 409 stale_version, storing nothing", async () => {
    const admin = await w.as("admin");
    const id = w.ids.practices.imr;
    const before = await snapshot();
    const res = await admin.put(`/api/practices/${id}`, {
      definition: definition({ description: "late" }),
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe("stale_version");
    expect(res.json().message).toContain("someone else saved version 2");
    expect(fieldsOf(res)).toEqual(["body.baseVersion"]);
    expect(await snapshot()).toEqual(before);
  });

  it("queues concurrent saves of the same version: one wins, the other is stale", async () => {
    const admin = await w.as("admin");
    const id = w.ids.practices.bpd;
    const [a, b] = await Promise.all([
      admin.put(`/api/practices/${id}`, { definition: definition({ description: "a" }), baseVersion: 1 }),
      admin.put(`/api/practices/${id}`, { definition: definition({ description: "b" }), baseVersion: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const history = (await admin.get(`/api/practices/${id}/versions`)).json();
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it.each(NOT_ADMIN)("refuses %s with 403 and stores nothing", async (u) => {
    const before = await snapshot();
    const res = await (await w.as(u)).put(`/api/practices/${w.ids.practices.imr}`, {
      definition: definition(),
      baseVersion: 2,
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["no baseVersion", { definition: definition() }, "body.baseVersion"],
    ["a baseVersion of 0", { definition: definition(), baseVersion: 0 }, "body.baseVersion"],
    ["a baseVersion as text", { definition: definition(), baseVersion: "2" }, "body.baseVersion"],
    ["no definition", { baseVersion: 2 }, "body.definition"],
    ["a code change (not allowed)", { code: "NEW", definition: definition(), baseVersion: 2 }, "body.code"],
    [
      "a base-taxonomy type",
      {
        definition: definition({ interventionTypes: [{ code: "nursing", label: "N", psychosocial: false }] }),
        baseVersion: 2,
      },
      "body.definition.interventionTypes.0.code",
    ],
  ])("refuses %s with 400 naming the field, storing nothing", async (_what, body, field) => {
    const admin = await w.as("admin");
    const before = await snapshot();
    const res = await admin.put(`/api/practices/${w.ids.practices.imr}`, body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for an unknown practice", async () => {
    const admin = await w.as("admin");
    const res = await admin.put("/api/practices/999999", { definition: definition(), baseVersion: 1 });
    expect(res.statusCode).toBe(404);
  });
});
