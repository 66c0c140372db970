import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import type { ApiRecord } from "../../src/server/indicators/schemas.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { type Client, login, PASSWORD } from "../support/world.ts";
import { openIndicatorDatabase } from "./db.ts";
import { buildEdgeFixture, R } from "./edge-fixture.ts";
import type { Registry } from "./fixtures.ts";
import { interventionsRatio } from "./own-definition.ts";

/**
 * The indicators API on the edge fixture (edge-fixture.ts): who may read and write, what a
 * viewer sees, breakdowns, series, user-defined indicators and pins. Site G belongs to
 * programme Q only.
 */
type Username =
  | "admin"
  | "coordP"
  | "coordQ"
  | "sitecoordA"
  | "clinicianD"
  | "clinicianG"
  | "viewer"
  | "viewerQ";

let database: Database;
let app: FastifyInstance;
let reg: Registry;
let P: number;
let Q: number;
const clients = new Map<Username, Client>();
const as = (u: Username) => clients.get(u)!;

beforeAll(async () => {
  database = await openIndicatorDatabase();
  reg = await buildEdgeFixture(database.db);
  await reg.site("G", "S");
  P = reg.programmes.get("P")!;
  Q = reg.programmes.get("Q")!;
  await database.db
    .insertInto("programme_sites")
    .values({ programme_id: Q, site_id: reg.sites.get("G")!, target_enrolment: null })
    .execute();
  const grants: Record<Username, { role: string; programmeId: number | null; siteId: number | null }> = {
    admin: { role: "administrator", programmeId: null, siteId: null },
    coordP: { role: "regional_coordinator", programmeId: P, siteId: null },
    coordQ: { role: "regional_coordinator", programmeId: Q, siteId: null },
    sitecoordA: { role: "site_coordinator", programmeId: null, siteId: reg.sites.get("A")! },
    clinicianD: { role: "clinician", programmeId: null, siteId: reg.sites.get("D")! },
    clinicianG: { role: "clinician", programmeId: null, siteId: reg.sites.get("G")! },
    viewer: { role: "viewer", programmeId: null, siteId: null },
    viewerQ: { role: "viewer", programmeId: Q, siteId: null },
  };
  for (const [username, grant] of Object.entries(grants)) {
    await createUser(database.db, SYSTEM, { username, password: PASSWORD, grants: [grant] });
  }
  app = await buildApp({
    database,
    config: loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv),
  });
  await app.ready();
  for (const username of Object.keys(grants) as Username[])
    clients.set(username, await login(app, username, PASSWORD));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** An indicator record of the API. */
type Rec = ApiRecord;
const pick = (records: Rec[], id: string) => records.filter((r) => r.id === id);
const url = (pid: number, rest = "") => `/api/programmes/${pid}/indicators${rest}`;

describe("reading indicators", () => {
  it.each([
    ["admin", 200],
    ["coordP", 200],
    ["sitecoordA", 200],
    // D is a site of P through an enrolment only: its users read P's indicators.
    ["clinicianD", 200],
    ["viewer", 200],
    ["coordQ", 403],
    // G is a site of Q only.
    ["clinicianG", 403],
    ["viewerQ", 403],
  ] as const)("%s → %i", async (user, status) => {
    const res = await as(user).get(url(P, `?asOf=${R}`));
    expect(res.statusCode, res.body).toBe(status);
  });

  it("refuses anonymous callers and unknown programmes", async () => {
    const anonymous = await app.inject({ method: "GET", url: url(P) });
    expect(anonymous.statusCode).toBe(401);
    expect((await as("admin").get(url(999_999))).statusCode).toBe(404);
  });

  it("gives every number to a site user, with definitions, sites and small-site flags", async () => {
    const res = await as("sitecoordA").get(url(P, `?asOf=${R}`));
    const body = res.json();
    expect(body.suppression).toBe(false);
    expect(body.asOf).toBe(R);
    expect(body.sites.map((s: { code: string }) => s.code)).toEqual(["A", "B", "C", "D", "E"]);
    expect(body.definitions).toHaveLength(31);
    // A count's programme row is the sum of its sites, and so is its target: A's own 3, B, D and
    // E the programme's 2 per site, C's own 0 — never the per-site 2 against the total.
    expect(body.definitions[0]).toMatchObject({
      id: "enrolled",
      kind: "count",
      target: 9,
      targetSource: "sites",
      direction: "higher_is_better",
      builtIn: true,
      siteTargets: [
        { site: "A", target: 3, direction: "higher_is_better", source: "site" },
        { site: "B", target: 2, direction: "higher_is_better", source: "definition" },
        { site: "C", target: 0, direction: "higher_is_better", source: "site" },
        { site: "D", target: 2, direction: "higher_is_better", source: "definition" },
        { site: "E", target: 2, direction: "higher_is_better", source: "definition" },
      ],
    });
    const enrolled = pick(body.indicators, "enrolled");
    expect(enrolled.map((r) => [r.site, r.value, r.suppressed, r.smallSite, r.target, r.targetMet])).toEqual([
      ["A", 4, false, true, 3, true],
      ["B", 3, false, true, 2, true],
      ["C", 0, false, true, 0, true],
      ["D", 1, false, true, 2, false],
      ["E", 0, false, true, 2, false],
      [null, 8, false, false, 9, false],
    ]);
    // Counts of groups are not taken over people: never small.
    expect(pick(body.indicators, "dbt_skills_groups").every((r) => !r.smallSite)).toBe(true);
  });

  it("moves the small-site threshold on request", async () => {
    const body = (await as("admin").get(url(P, `?asOf=${R}&ids=enrolled&smallSiteThreshold=4`))).json();
    expect(body.indicators.map((r: Rec) => r.smallSite)).toEqual([false, true, true, true, true, false]);
  });

  it("suppresses small cells for a viewer, and the cell that would give them away", async () => {
    const body = (await as("viewer").get(url(P, `?asOf=${R}`))).json();
    expect(body.suppression).toBe(true);
    const view = (id: string) =>
      pick(body.indicators, id).map((r) => [r.site, r.suppressed ? "<5" : r.value]);
    // A 4, B 3, D 1 are 1–4; C and E are 0; the programme's 8 stays (three rows hidden, together 8).
    expect(view("enrolled")).toEqual([
      ["A", "<5"],
      ["B", "<5"],
      ["C", 0],
      ["D", "<5"],
      ["E", 0],
      [null, 8],
    ]);
    for (const r of pick(body.indicators, "enrolled").filter((x) => x.suppressed)) {
      expect([r.numerator, r.denominator, r.value]).toEqual([null, null, null]);
      // The target is no patient data; whether a withheld value meets it would give it away.
      expect([r.target, r.targetMet]).toEqual([r.site === "A" ? 3 : 2, null]);
    }
    // case_manager: A 1/4, B 1/3, D 1/1 are small; C 0/0 and E 0/0 shown; programme 3/8 has numerator 3: hidden.
    expect(view("case_manager")).toEqual([
      ["A", "<5"],
      ["B", "<5"],
      ["C", null],
      ["D", "<5"],
      ["E", null],
      [null, "<5"],
    ]);
    // Team of A 2 and B 1: small; the programme's 3 too. Groups are not people: shown.
    expect(view("team_size")).toEqual([
      ["A", "<5"],
      ["B", "<5"],
      ["C", 0],
      ["D", 0],
      ["E", 0],
      [null, "<5"],
    ]);
    expect(view("dbt_skills_groups")).toEqual([
      ["A", 2],
      ["B", 0],
      ["C", 0],
      ["D", 0],
      ["E", 0],
      [null, 2],
    ]);
    // Medians over 1–4 patients are hidden; over 8 shown.
    expect(view("psychosocial_per_patient")).toEqual([
      ["A", "<5"],
      ["B", "<5"],
      ["C", null],
      ["D", "<5"],
      ["E", null],
      [null, 2],
    ]);
  });

  it("filters by ids and refuses unknown ids and bad dates with the field", async () => {
    const body = (await as("admin").get(url(P, `?asOf=${R}&ids=female,enrolled`))).json();
    expect(body.definitions.map((d: { id: string }) => d.id)).toEqual(["enrolled", "female"]);
    const unknown = await as("admin").get(url(P, "?ids=enrolled,nope"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].field).toBe("querystring.ids");
    const bad = await as("admin").get(url(P, "?asOf=2024-02-30"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe("querystring.asOf");
  });
});

describe("breakdowns and series", () => {
  const breakdown = async (user: Username, id: string, by: string) =>
    as(user).get(url(P, `/${id}/breakdown?by=${by}&asOf=${R}`));

  it("breaks enrolled down by sex, area, age band and quarter of enrolment", async () => {
    const groups = async (by: string) =>
      (await breakdown("admin", "enrolled", by))
        .json()
        .groups.map((g: { key: string | null; value: number }) => [g.key, g.value]);
    // F: a1 b1 b2; M: a2 b3 d1; X: a3; U: a4.
    expect(await groups("sex")).toEqual([
      ["F", 3],
      ["M", 3],
      ["X", 1],
      ["U", 1],
    ]);
    // N: A + B; S: D + E; C has no area.
    expect(await groups("area")).toEqual([
      ["N", 7],
      ["S", 1],
      [null, 0],
    ]);
    // ages 14 | 24 24 18 | 30 | 44 34 52.
    expect(await groups("age_band")).toEqual([
      ["<18", 1],
      ["18–24", 3],
      ["25–30", 1],
      ["31+", 3],
    ]);
    // d1 2022-Q1; b1 2023-Q1; b3 2023-Q2; a1 b2 2024-Q1; a2 a3 a4 2024-Q2; empty quarters in between.
    expect(await groups("enrolment_quarter")).toEqual([
      ["2022-Q1", 1],
      ["2022-Q2", 0],
      ["2022-Q3", 0],
      ["2022-Q4", 0],
      ["2023-Q1", 1],
      ["2023-Q2", 1],
      ["2023-Q3", 0],
      ["2023-Q4", 0],
      ["2024-Q1", 2],
      ["2024-Q2", 3],
    ]);
    const total = (await breakdown("admin", "enrolled", "enrolment_year")).json().total;
    expect(total.value).toBe(8);
  });

  it("breaks a ratio down by site like the dashboard rows, and refuses impossible breakdowns", async () => {
    const body = (await breakdown("admin", "intensive_start", "site")).json();
    expect(
      body.groups.map((g: { key: string; numerator: number; denominator: number }) => [
        g.key,
        g.numerator,
        g.denominator,
      ]),
    ).toEqual([
      ["A", 1, 2],
      ["B", 1, 3],
      ["C", 0, 0],
      ["D", 0, 1],
      ["E", 0, 0],
    ]);
    expect(body.groups[0].label).toBe("Site A");
    const bySex = await breakdown("admin", "team_size", "sex");
    expect(bySex.statusCode).toBe(400);
    expect(bySex.json().issues[0].field).toBe("querystring.by");
    expect((await breakdown("admin", "nope", "site")).statusCode).toBe(404);
    expect((await breakdown("clinicianG", "enrolled", "site")).statusCode).toBe(403);
  });

  it("suppresses breakdown cells for a viewer", async () => {
    const body = (await breakdown("viewer", "enrolled", "sex")).json();
    // F 3, M 3, X 1, U 1: all small; the programme's 8 is the sum of four hidden cells.
    expect(body.groups.map((g: Rec) => g.suppressed)).toEqual([true, true, true, true]);
    expect(body.total).toMatchObject({ value: 8, suppressed: false });
  });

  it("gives monthly as-of values for every site and the programme", async () => {
    const res = await as("coordP").get(url(P, "/enrolled/series?from=2024-01-15&to=2024-06-30"));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.asOfs).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
      "2024-06-30",
    ]);
    const series = (site: string | null) =>
      body.series
        .find((s: { site: string | null }) => s.site === site)
        .points.map((p: { value: number }) => p.value);
    // d1 b1 b3 a1 by January; b2 in March; a2 a3 in April; a4 on 2024-06-30.
    expect(series(null)).toEqual([4, 4, 5, 7, 7, 8]);
    expect(series("A")).toEqual([1, 1, 1, 3, 3, 4]);
    expect(series("E")).toEqual([0, 0, 0, 0, 0, 0]);
    // E90 on 2024-01-31 (enrolled by 2023-11-02): d1 b1 b3, of which b1 started intensively.
    const intensive = (
      await as("coordP").get(url(P, "/intensive_start/series?from=2024-01-01&to=2024-01-31"))
    ).json();
    expect(intensive.series.at(-1)).toMatchObject({
      site: null,
      points: [{ asOf: "2024-01-31", numerator: 1, denominator: 3 }],
    });
    const backwards = await as("coordP").get(url(P, "/enrolled/series?from=2024-06-01&to=2024-01-01"));
    expect(backwards.statusCode).toBe(400);
  });
});

describe("user-defined indicators and pins", () => {
  const defs = (pid: number) => `/api/programmes/${pid}/indicator-definitions`;
  const earlyDbt = {
    id: "early_dbt_individual",
    label: "Early individual DBT",
    kind: "ratio",
    target: 0.5,
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: { observedDays: { param: "earlyWindowDays" } },
      numerator: {
        type: "records",
        records: { from: "interventions", types: ["dbt_individual"], window: { fromDay: 0, toDay: 89 } },
      },
    },
  };

  it("previews a definition without saving it (coordinators and administrators only)", async () => {
    const res = await as("coordP").post(`${defs(P)}/preview`, { definition: earlyDbt, asOf: R });
    expect(res.statusCode, res.body).toBe(200);
    // d1 had two individual DBT sessions on days 1 and 2; E90 = 6.
    expect(res.json().indicators.map((r: Rec) => [r.site, r.numerator, r.denominator])).toEqual([
      ["A", 0, 2],
      ["B", 0, 3],
      ["C", 0, 0],
      ["D", 1, 1],
      ["E", 0, 0],
      [null, 1, 6],
    ]);
    expect((await as("sitecoordA").post(`${defs(P)}/preview`, { definition: earlyDbt })).statusCode).toBe(
      403,
    );
    expect(
      (await as("admin").get(`${defs(P)}`))
        .json()
        .definitions.some((d: { id: string }) => d.id === earlyDbt.id),
    ).toBe(false);
  });

  it("refuses invalid definitions with the path of each problem", async () => {
    const res = await as("coordP").post(defs(P), {
      definition: {
        ...earlyDbt,
        compute: {
          source: "enrolments",
          population: { observedDays: 0 },
          numerator: {
            type: "records",
            records: {
              from: "interventions",
              types: ["no_such_type"],
              window: { fromDay: 10, toDay: 5, colour: "red" },
            },
          },
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual([
      "body.definition.compute.numerator.records.window.colour",
    ]);
    const wrongKind = await as("coordP").post(defs(P), { definition: { ...earlyDbt, kind: "median" } });
    expect(wrongKind.json().issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["body.definition.compute.measure", "body.definition.compute.numerator"]),
    );
    const unknownType = await as("coordP").post(defs(P), {
      definition: {
        ...earlyDbt,
        compute: {
          ...earlyDbt.compute,
          numerator: {
            ...earlyDbt.compute.numerator,
            records: { ...earlyDbt.compute.numerator.records, types: ["no_such_type"] },
          },
        },
      },
    });
    expect(unknownType.json().issues).toEqual([
      expect.objectContaining({
        field: "body.definition.compute.numerator.records.types.0",
        rule: "unknown_type",
      }),
    ]);
    const builtIn = await as("coordP").post(defs(P), { definition: { ...earlyDbt, id: "enrolled" } });
    expect(builtIn.json().issues).toEqual([
      expect.objectContaining({ field: "body.definition.id", rule: "reserved" }),
    ]);
  });

  it("saves, lists, computes, updates and deletes a definition; others may not write", async () => {
    for (const user of ["sitecoordA", "clinicianD", "viewer", "coordQ"] as const) {
      expect((await as(user).post(defs(P), { definition: earlyDbt })).statusCode, user).toBe(403);
    }
    const created = await as("coordP").post(defs(P), { definition: earlyDbt });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: earlyDbt.id, builtIn: false, version: 1 });
    expect((await as("admin").post(defs(P), { definition: earlyDbt })).statusCode).toBe(409);

    const list = (await as("viewer").get(defs(P))).json().definitions;
    expect(list).toHaveLength(32);
    expect(list.at(-1)).toMatchObject({ id: earlyDbt.id, meta: { target: 0.5, builtIn: false } });

    const all = (await as("coordP").get(url(P, `?asOf=${R}`))).json();
    expect(all.definitions.at(-1).id).toBe(earlyDbt.id);
    expect(pick(all.indicators, earlyDbt.id).at(-1)).toMatchObject({ numerator: 1, denominator: 6 });

    const widened = {
      ...earlyDbt,
      label: "Early individual DBT (any time)",
      compute: { ...earlyDbt.compute, population: { observedDays: 0 } },
    };
    const stale = await as("coordP").put(`${defs(P)}/${earlyDbt.id}`, {
      definition: widened,
      baseVersion: 7,
    });
    expect(stale.statusCode).toBe(409);
    const renamed = await as("coordP").put(`${defs(P)}/${earlyDbt.id}`, {
      definition: { ...widened, id: "other" },
      baseVersion: 1,
    });
    expect(renamed.statusCode).toBe(400);
    const updated = await as("coordP").put(`${defs(P)}/${earlyDbt.id}`, {
      definition: widened,
      baseVersion: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().version).toBe(2);
    const after = (await as("coordP").get(url(P, `?asOf=${R}&ids=${earlyDbt.id}`))).json();
    // Now over E (8): d1 still the only one.
    expect(after.indicators.at(-1)).toMatchObject({ numerator: 1, denominator: 8 });
    expect(
      (
        await as("coordP").put(`${defs(P)}/enrolled`, {
          definition: { ...widened, id: "enrolled" },
          baseVersion: 1,
        })
      ).statusCode,
    ).toBe(400);

    await as("coordP").put(`/api/programmes/${P}/indicator-pins`, {
      indicatorIds: [earlyDbt.id, "enrolled"],
    });
    expect((await as("sitecoordA").delete(`${defs(P)}/${earlyDbt.id}`)).statusCode).toBe(403);
    expect((await as("coordP").delete(`${defs(P)}/${earlyDbt.id}`)).statusCode).toBe(200);
    expect((await as("coordP").delete(`${defs(P)}/${earlyDbt.id}`)).statusCode).toBe(404);
    expect((await as("coordP").delete(`${defs(P)}/enrolled`)).statusCode).toBe(403);
    expect((await as("viewer").get(`/api/programmes/${P}/indicator-pins`)).json()).toEqual({
      indicatorIds: ["enrolled"],
    });
  });

  it("pins indicators: coordinators write, readers read, unknown ids refused", async () => {
    const pins = `/api/programmes/${P}/indicator-pins`;
    const res = await as("admin").put(pins, { indicatorIds: ["intensive_start", "enrolled"] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await as("clinicianD").get(pins)).json()).toEqual({
      indicatorIds: ["intensive_start", "enrolled"],
    });
    expect((await as("clinicianG").get(pins)).statusCode).toBe(403);
    expect((await as("sitecoordA").put(pins, { indicatorIds: [] })).statusCode).toBe(403);
    const unknown = await as("coordP").put(pins, { indicatorIds: ["enrolled", "nope"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].field).toBe("body.indicatorIds.1");
    expect((await as("coordP").put(pins, { indicatorIds: ["enrolled", "enrolled"] })).statusCode).toBe(400);
    const body = (await as("viewer").get(url(P, `?asOf=${R}&ids=enrolled`))).json();
    expect(body.pinned).toEqual(["intensive_start", "enrolled"]);
  });
});

describe("targets on indicators (issue 11)", () => {
  const programme = async () => (await as("admin").get(`/api/programmes/${P}`)).json();
  const setTargets = async (user: Username, targets: unknown[]) => {
    const { version } = await programme();
    return as(user).patch(`/api/programmes/${P}`, { baseVersion: version, targets });
  };
  const siteId = (code: string) => reg.sites.get(code)!;
  type Meta = { id: string; target: number | null; targetSource: string | null; siteTargets: unknown[] };

  it("shows targets set on ratios and counts, the programme's and each site's, met or not in their direction — and refreshes the memoized answers", async () => {
    // Read once: the answer is memoized under the programme's data version.
    const before = (await as("coordP").get(url(P, `?asOf=${R}`))).json();
    expect(before.definitions.find((d: Meta) => d.id === "case_manager").target).toBeNull();

    const res = await setTargets("coordP", [
      { indicatorId: "case_manager", value: 0.3, direction: "higher_is_better" },
      { indicatorId: "case_manager", siteId: siteId("B"), value: 0.5, direction: "higher_is_better" },
      { indicatorId: "dropped_out", value: 0.1, direction: "lower_is_better" },
      { indicatorId: "enrolled", value: 10, direction: "higher_is_better" },
      { indicatorId: "interventions", value: 5, direction: "higher_is_better" },
    ]);
    expect(res.statusCode, res.body).toBe(200);

    const body = (await as("coordP").get(url(P, `?asOf=${R}`))).json();
    const metaOf = (id: string): Meta => body.definitions.find((d: Meta) => d.id === id);
    const rows = (id: string) =>
      pick(body.indicators, id).map((r) => [r.site, r.value, r.target, r.targetMet]);

    // case_manager: A 1/4, B 1/3, C 0/0, D 1/1, E 0/0, programme 3/8. The programme's 30 % applies
    // to every site, B's own 50 % to B.
    expect(metaOf("case_manager")).toMatchObject({ target: 0.3, targetSource: "programme" });
    expect(rows("case_manager")).toEqual([
      ["A", 0.25, 0.3, false],
      ["B", 1 / 3, 0.5, false],
      ["C", null, 0.3, null],
      ["D", 1, 0.3, true],
      ["E", null, 0.3, null],
      [null, 3 / 8, 0.3, true],
    ]);
    // dropped_out, lower is better: A 0/4 meets 10 %, B 1/3 does not, the programme's 1/8 does not.
    expect(metaOf("dropped_out")).toMatchObject({ target: 0.1, direction: "lower_is_better" });
    expect(rows("dropped_out").filter(([site]) => site === "A" || site === "B" || site === null)).toEqual([
      ["A", 0, 0.1, true],
      ["B", 1 / 3, 0.1, false],
      [null, 1 / 8, 0.1, false],
    ]);
    // enrolled: the programme's own 10 on its row; the sites keep their enrolment targets.
    expect(metaOf("enrolled")).toMatchObject({ target: 10, targetSource: "programme" });
    expect(rows("enrolled").map(([site, , target, met]) => [site, target, met])).toEqual([
      ["A", 3, true],
      ["B", 2, true],
      ["C", 0, true],
      ["D", 2, false],
      ["E", 2, false],
      [null, 10, false],
    ]);
    // A count's programme-wide target is not each site's.
    expect(metaOf("interventions")).toMatchObject({ target: 5, targetSource: "programme", siteTargets: [] });

    // Breakdowns and series carry the same targets in their definition.
    const series = (await as("coordP").get(`${url(P)}/case_manager/series?to=${R}`)).json();
    expect(series.definition).toMatchObject({ target: 0.3 });
    expect(series.definition.siteTargets).toContainEqual({
      site: "B",
      target: 0.5,
      direction: "higher_is_better",
      source: "site",
    });

    // Taking the targets away refreshes the answers again.
    expect((await setTargets("admin", [])).statusCode).toBe(200);
    const after = (await as("coordP").get(url(P, `?asOf=${R}`))).json();
    expect(after.definitions.find((d: Meta) => d.id === "case_manager").target).toBeNull();
    expect(after.definitions.find((d: Meta) => d.id === "enrolled").target).toBe(9);
  });

  it("takes a target on the programme's own indicator, and drops it with the indicator", async () => {
    const definition = interventionsRatio({
      id: "assessed_early_t",
      label: "Assessed early",
      records: { types: ["assessment"], window: { fromDay: 0, toDay: null, until: "care_end" } },
      atLeast: 1,
    });
    const created = await as("coordP").post(`/api/programmes/${P}/indicator-definitions`, { definition });
    expect(created.statusCode, created.body).toBe(201);
    const res = await setTargets("coordP", [
      { indicatorId: "assessed_early_t", value: 0.6, direction: "higher_is_better" },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = (await as("coordP").get(url(P, `?asOf=${R}&ids=assessed_early_t`))).json();
    expect(body.definitions[0]).toMatchObject({ target: 0.6, targetSource: "programme" });
    expect(body.indicators.every((r: Rec) => r.target === 0.6)).toBe(true);

    const del = await as("coordP").delete(`/api/programmes/${P}/indicator-definitions/assessed_early_t`);
    expect(del.statusCode).toBe(200);
    expect((await programme()).targets).toEqual([]);
  });

  it("refuses a target on an indicator another programme defined", async () => {
    const res = await setTargets("coordP", [
      { indicatorId: "not_here", value: 1, direction: "higher_is_better" },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { field: "body.targets.0.indicatorId", rule: "unknown", message: expect.stringContaining("not_here") },
    ]);
  });
});
