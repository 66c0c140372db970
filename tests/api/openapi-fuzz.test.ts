import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/server/infra/time/civil-date.ts";
import { createPatient, daysAgo, enrol, expectCreated, planBody } from "../support/registry-world.ts";
import {
  type ArbitraryOptions,
  fuzzed,
  hostileStrings,
  type Schema,
  valid,
} from "../support/schema-arbitrary.ts";
import { type Client, createWorld, login, PASSWORD, type World } from "../support/world.ts";

/**
 * Every operation of the OpenAPI document, fuzzed from its own schemas (see docs/testing.md):
 * path parameters from the world's rows and random ones, query strings and JSON bodies
 * generated from the published JSON Schema — half valid throughout so requests reach the
 * domain, half broken somewhere. For every request: never a 5xx; a 400 names every field it
 * refuses (`issues[].field/rule/message`); a refusal (any 4xx) writes nothing (row count and a
 * checksum of every table, the audit log included). A clinician and a viewer send valid requests
 * about what is outside their scope: refused, and nothing written; an anonymous client gets 401
 * everywhere but the public operations. The list of operations fuzzed must equal the document's.
 *
 * `PRAXIS_PROPERTY_RUNS` raises the number of requests per operation (default 6 as an
 * administrator, 2 per out-of-scope user).
 */
const RUNS = Number(process.env.PRAXIS_PROPERTY_RUNS ?? 6);
const SCOPE_RUNS = Math.max(2, Math.ceil(RUNS / 3));

/**
 * Operations not fuzzed, each with its reason. Empty today: logout is fuzzed (the client logs
 * in again), the multipart import gets generated files, `GET /` (the placeholder page) is sent
 * like any other.
 */
const SKIPPED: Record<string, string> = {};

/**
 * Tables a request may change without it being a write of the request's subject: the session
 * row (its last use), the login throttle (a refused login or password change is recorded — that
 * is the throttle), and caches filled by reads.
 */
const VOLATILE_TABLES: Record<string, string> = {
  sessions: "a session's last use is touched by every request",
  login_failures: "a refused login or password change is counted by design (throttling)",
  indicator_site_cache: "a cache filled by reads",
  indicator_cache: "a cache filled by reads",
};

/**
 * Audit entries a refusal appends on purpose, by operation: a failed login is
 * a security event. Nothing else may change.
 */
const AUDITED_REFUSALS: Record<string, string[]> = {
  "POST /api/session": ["login_failed"],
  // a shared plan refused for want of consent is audited like the allowed read (issue 13, part 3)
  "GET /api/care/shared/patients/{id}": ["read_refused"],
};

/** Operations open without a session (`config.public`); every other one answers 401 to an anonymous client. */
const PUBLIC = new Set([
  "GET /api/health",
  "POST /api/session",
  "GET /",
  // the directory's public page (answers 404 until an administrator switches it on)
  "GET /api/public/directory/{regionCode}",
]);

/** Path segments whose `{id}` is patient-level data: out of scope, a read is refused (403, or 404). */
const PATIENT_LEVEL_SEGMENTS = new Set([
  "patients",
  "enrolments",
  "groups",
  "treatment-plans",
  "interventions",
  "consents",
]);

function patientLevelPath(op: Operation): boolean {
  const segments = op.path.split("/");
  return segments.some((s, i) => s === "{id}" && PATIENT_LEVEL_SEGMENTS.has(segments[i - 1] ?? ""));
}

/** Operations that write only the caller's own account or session (allowed for every role). */
const SELF_SERVICE = new Set([
  "PATCH /api/me",
  "DELETE /api/session",
  "POST /api/me/password",
  "POST /api/session",
]);

interface Operation {
  key: string;
  method: string;
  path: string;
  params: Array<{ name: string; in: string; required?: boolean; schema: Schema }>;
  body: Schema | null;
  multipart: boolean;
}

let w: World;
let doc: { paths: Record<string, Record<string, Schema>> };
let operations: Operation[];
let tables: string[];
const world = {
  patientS1: 0,
  patientS3: 0,
  enrolmentS1: 0,
  enrolmentS3: 0,
  groupS1: 0,
  groupS3: 0,
  planS1: 0,
  planS3: 0,
  courseS3: 0,
};
const covered = new Set<string>();
/** Status codes per operation, printed with PRAXIS_FUZZ_STATS=1 (to see which operations never get past validation). */
const stats = new Map<string, Map<number, number>>();
function count(op: Operation, status: number): void {
  const m = stats.get(op.key) ?? new Map<number, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  stats.set(op.key, m);
}

beforeAll(async () => {
  w = await createWorld();
  const admin = await w.as("admin");
  const res = await w.anonymous.get("/api/docs/json");
  expect(res.statusCode).toBe(200);
  doc = res.json();
  operations = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const pathLevel = (ops.parameters ?? []) as Operation["params"];
      const content = op.requestBody?.content ?? {};
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: [...pathLevel, ...((op.parameters ?? []) as Operation["params"])],
        body: content["application/json"]?.schema ?? null,
        multipart: !!content["multipart/form-data"] || (op.consumes ?? []).includes("multipart/form-data"),
      });
    }
  }
  // The world: patients, enrolments, groups and plans at S1 (in clinician1's scope) and S3 (not).
  world.patientS1 = (await createPatient(w, w.ids.sites.s1)).id;
  world.patientS3 = (await createPatient(w, w.ids.sites.s3)).id;
  world.enrolmentS1 = (
    await enrol(w, {
      patientId: world.patientS1,
      programmeId: w.ids.programmes.bpd,
      siteId: w.ids.sites.s1,
      enrolmentDate: daysAgo(5),
    })
  ).id;
  world.enrolmentS3 = (
    await enrol(w, {
      patientId: world.patientS3,
      programmeId: w.ids.programmes.imr,
      siteId: w.ids.sites.s3,
      enrolmentDate: daysAgo(5),
      primaryDiagnosis: "F20.0",
      overrideReason: "fuzz world",
    })
  ).id;
  for (const [site, key] of [
    [w.ids.sites.s1, "S1"],
    [w.ids.sites.s3, "S3"],
  ] as const) {
    const patientId = key === "S1" ? world.patientS1 : world.patientS3;
    world[`group${key}`] = expectCreated(
      await admin.post("/api/groups", { siteId: site, kind: "imr", name: `G${key}`, startDate: daysAgo(30) }),
    ).id;
    world[`plan${key}`] = expectCreated(
      await admin.post("/api/treatment-plans", planBody(patientId, site, daysAgo(3))),
    ).id;
    expectCreated(
      await admin.post("/api/interventions", {
        patientId,
        siteId: site,
        date: daysAgo(2),
        type: "psychotherapy",
        setting: "individual",
        recipient: "patient",
        durationMin: 45,
      }),
    );
    expectCreated(
      await admin.post("/api/professionals", { siteId: site, code: `PRO-${key}`, profile: "nurse" }),
    );
  }
  world.courseS3 = expectCreated(
    await admin.post("/api/training/courses", {
      code: "C-S3",
      siteId: w.ids.sites.s3,
      programmeId: w.ids.programmes.imr,
      title: "Course",
      topic: "IMR",
      hours: 8,
      mode: "online",
      startDate: daysAgo(20),
      endDate: daysAgo(10),
    }),
  ).id;
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(w.database.db);
  tables = rows.rows
    .map((r) => r.table_name)
    .filter((t) => !(t in VOLATILE_TABLES) && !t.startsWith("kysely_"));
  expect(tables).toContain("audit_log");
}, 120_000);

afterAll(async () => {
  if (process.env.PRAXIS_FUZZ_STATS) {
    for (const [key, m] of [...stats].sort()) {
      console.log(`${key}  ${[...m].map(([status, n]) => `${status}×${n}`).join(" ")}`);
    }
  }
  await w?.close();
});

// ---------------------------------------------------------------------------------------------
// The state of the database: every table's row count and a checksum of its rows.

async function snapshot(): Promise<Record<string, string>> {
  const parts = tables.map(
    (t) =>
      sql`select ${t}::text as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as v from ${sql.table(t)} x`,
  );
  const query = sql.join(parts, sql` union all `);
  const res = await sql<{ t: string; v: string }>`${query}`.execute(w.database.db);
  return Object.fromEntries(res.rows.map((r) => [r.t, r.v]));
}

function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}

async function auditSince(seq: number) {
  return w.database.db
    .selectFrom("audit_log")
    .select(["seq", "action", "entity", "site_id", "programme_id"])
    .where("seq", ">", seq)
    .execute();
}

async function auditHead(): Promise<number> {
  const r = await w.database.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/** Nothing changed since `before`, but for the audit entries the operation appends on purpose when it refuses. */
async function expectNothingWritten(
  op: Operation,
  before: Record<string, string>,
  head: number,
  message: string,
): Promise<Record<string, string>> {
  const after = await snapshot();
  const tablesChanged = changed(before, after);
  const allowed = AUDITED_REFUSALS[op.key] ?? [];
  if (allowed.length && tablesChanged.includes("audit_log")) {
    const actions = (await auditSince(head)).map((e) => e.action);
    expect(
      actions.filter((a) => !allowed.includes(a)),
      message,
    ).toEqual([]);
    expect(
      tablesChanged.filter((t) => t !== "audit_log"),
      message,
    ).toEqual([]);
    return after;
  }
  expect(tablesChanged, message).toEqual([]);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Values of the world for ids, by field or path-parameter name.

/** Field name (without Id/Ids) → table whose ids it takes. */
const ID_TABLES: Record<string, string> = {
  site: "sites",
  area: "areas",
  region: "regions",
  service: "services",
  practice: "practices",
  programme: "programmes",
  professional: "professionals",
  patient: "patients",
  attendee: "patients",
  member: "patients",
  enrolment: "enrolments",
  intervention: "interventions",
  group: "groups",
  plan: "treatment_plans",
  treatmentPlan: "treatment_plans",
  user: "users",
  review: "fidelity_reviews",
  course: "training_courses",
  questionnaire: "planning_questionnaires",
  round: "planning_rounds",
};
/** Path segment before `{id}` → table. */
const SEGMENT_TABLES: Record<string, string> = {
  users: "users",
  regions: "regions",
  areas: "areas",
  sites: "sites",
  services: "services",
  practices: "practices",
  programmes: "programmes",
  professionals: "professionals",
  patients: "patients",
  enrolments: "enrolments",
  interventions: "interventions",
  groups: "groups",
  "treatment-plans": "treatment_plans",
  reviews: "fidelity_reviews",
  courses: "training_courses",
  imports: "import_jobs",
  consents: "care_consents",
};
/** Users the fuzzer must not lock out, deactivate or re-grant: it acts as them. */
const PROTECTED_USERS = ["admin", "clinician1", "viewer"];

let pools: Record<string, Array<number | string>> = {};
let instrumentCodes: string[] = [];
let indicatorIds: string[] = [];
let usernames: string[] = [];

async function refreshPools(): Promise<void> {
  const db = w.database.db;
  pools = {};
  for (const table of new Set([...Object.values(ID_TABLES), ...Object.values(SEGMENT_TABLES)])) {
    const q =
      table === "users"
        ? sql<{
            id: number | string;
          }>`select id from users where username <> all(${PROTECTED_USERS}) order by id limit 20`
        : sql<{ id: number | string }>`select id from ${sql.table(table)} order by id desc limit 20`;
    pools[table] = (await q.execute(db)).rows.map((r) => r.id);
  }
  usernames = (await db.selectFrom("users").select("username").execute())
    .map((u) => u.username)
    .filter((u) => !PROTECTED_USERS.includes(u));
  if (!instrumentCodes.length) {
    const admin = await w.as("admin");
    instrumentCodes = (await admin.get("/api/instruments")).json().map((i: { code: string }) => i.code);
    const defs = await admin.get(`/api/programmes/${w.ids.programmes.bpd}/indicator-definitions`);
    const list = defs.json();
    indicatorIds = (Array.isArray(list) ? list : (list.definitions ?? list.indicators ?? []))
      .map((d: { id?: string; code?: string }) => d.id ?? d.code)
      .filter((x: unknown): x is string => typeof x === "string")
      .slice(0, 10);
    if (!indicatorIds.length) indicatorIds = ["I1", "I2"];
  }
}

const unknownIds = fc.constantFrom(999_999, 2_147_483_647);
const badPathValues = fc.constantFrom(
  "0",
  "-1",
  "x",
  "2147483648",
  "1e3",
  "1.5",
  "%00",
  "%ud800",
  "%e9",
  " ",
  "9".repeat(40),
  "7".repeat(150),
);

function poolArb(table: string): fc.Arbitrary<number | string> {
  const ids = pools[table] ?? [];
  return ids.length
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: unknownIds })
    : unknownIds;
}

function idSourceFor(overrides: Record<string, Array<number | string>> = {}) {
  return (name: string): fc.Arbitrary<number | string> | null => {
    if (name === "username") return fc.constantFrom(...usernames, "nobody");
    const base = name.replace(/Ids?$/, "");
    if (base === name && !["attendee", "member"].includes(name)) return null;
    const table = ID_TABLES[base];
    if (!table) return null;
    const only = overrides[table];
    return only?.length ? fc.constantFrom(...only) : poolArb(table);
  };
}

/** One path parameter: a row of the world (or a fixed out-of-scope one), sometimes a bad value. */
function pathArb(
  op: Operation,
  name: string,
  overrides: Record<string, Array<number | string>>,
  broken: boolean,
): fc.Arbitrary<string> {
  const segments = op.path.split("/");
  const before = segments[segments.indexOf(`{${name}}`) - 1] ?? "";
  let table: string | undefined;
  if (name === "id") table = SEGMENT_TABLES[before];
  else if (name === "code") return fc.constantFrom(...instrumentCodes, "NOPE");
  else if (name === "indicatorId") return fc.constantFrom(...indicatorIds, "nope");
  else if (["version", "a", "b"].includes(name)) return fc.constantFrom("1", "2", "3", "99");
  else table = ID_TABLES[name.replace(/Id$/, "")];
  let good: fc.Arbitrary<string>;
  if (table === "import_jobs")
    good = fc.oneof(
      fc.uuid(),
      ...(pools.import_jobs?.length ? [fc.constantFrom(...pools.import_jobs.map(String))] : []),
    );
  else if (table) {
    const only = overrides[table];
    good = (only?.length ? fc.constantFrom(...only) : poolArb(table)).map(String);
  } else good = fc.constantFrom("1", "2", "3");
  return broken ? fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: badPathValues }) : good;
}

// ---------------------------------------------------------------------------------------------
// Requests.

interface GeneratedRequest {
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

/** A JSON body: from the schema, or (rarely) not JSON at all. */
const rawBodies = fc.constantFrom("{", "null", "[]", '"x"', "1", '{"a":', "\u0000");

/** A request of the operation: valid throughout, or (when `broken`) as often one broken somewhere. */
function requestArb(
  op: Operation,
  o: ArbitraryOptions,
  overrides: Record<string, Array<number | string>>,
  broken: boolean,
): fc.Arbitrary<GeneratedRequest> {
  const good = requestOf(op, o, overrides, false);
  return broken ? fc.oneof(good, requestOf(op, o, overrides, true)) : good;
}

function requestOf(
  op: Operation,
  o: ArbitraryOptions,
  overrides: Record<string, Array<number | string>>,
  broken: boolean,
) {
  const pathParams = op.params.filter((p) => p.in === "path");
  const queryParams = op.params.filter((p) => p.in === "query");
  const path = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathArb(op, p.name, overrides, broken)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const queryModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of queryParams) {
    queryModel[p.name] = broken ? fuzzed(p.schema, o, p.name) : valid(p.schema, o, p.name);
  }
  const query = fc.record(queryModel, {
    requiredKeys: queryParams.filter((p) => p.required && !broken).map((p) => p.name),
  });
  const extraQuery = broken
    ? fc.option(
        fc.tuple(
          fc.constantFrom("extra", "limit", "__proto__"),
          fc.constantFrom(...hostileStrings.slice(0, 8)),
        ),
        {
          nil: undefined,
        },
      )
    : fc.constant(undefined);
  const body: fc.Arbitrary<{ payload?: string | Buffer; headers: Record<string, string> }> = op.multipart
    ? multipartArb()
    : op.body
      ? fc.oneof(
          { weight: 12, arbitrary: (broken ? fuzzed(op.body, o) : valid(op.body, o)).map((b) => json(b)) },
          {
            weight: broken ? 1 : 0,
            arbitrary: rawBodies.map((raw) => ({
              payload: raw,
              headers: { "content-type": "application/json" },
            })),
          },
          {
            weight: broken ? 1 : 0,
            arbitrary: fc.constant({ payload: "a=1", headers: { "content-type": "text/plain" } }),
          },
        )
      : fc.constant({ headers: {} });
  return fc.tuple(path, query, extraQuery, body).map(([p, q, extra, b]): GeneratedRequest => {
    let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const v = p[name]!;
      // Values like "%00" are sent as they are (already percent-encoded); others are encoded.
      return v.startsWith("%") ? v : encodeURIComponent(v);
    });
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (v === undefined) continue;
      search.append(k, typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
    }
    if (extra) search.append(extra[0], extra[1]);
    const s = search.toString();
    if (s) url += `?${s}`;
    return { url, ...b };
  });
}

function json(b: unknown) {
  return b === undefined
    ? { headers: {} }
    : { payload: JSON.stringify(b), headers: { "content-type": "application/json" } };
}

const CSV_NAMES = [
  "patients.csv",
  "enrolments.csv",
  "interventions.csv",
  "sites.csv",
  "x.txt",
  "../evil.csv",
  "extract.zip",
];

function multipartArb() {
  const file = fc.record({
    name: fc.constantFrom(...CSV_NAMES),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((u) => Buffer.from(u)),
      fc
        .array(
          fc.array(fc.constantFrom("1", "S1", "F", "2024-01-01", "", '"', "x,y", "=1+1", "é"), {
            maxLength: 6,
          }),
          {
            maxLength: 6,
          },
        )
        .map((rows) =>
          Buffer.from(
            ["code,site_code,birth_year,sex,first_contact_date", ...rows.map((r) => r.join(","))].join("\n"),
          ),
        ),
    ),
  });
  return fc
    .tuple(
      fc.array(file, { maxLength: 3 }),
      fc.option(fc.constantFrom("true", "false", "x"), { nil: undefined }),
    )
    .map(([files, createProgrammes]) => {
      const boundary = "----praxisfuzz";
      const parts: Buffer[] = [];
      for (const f of files) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
          ),
          f.bytes,
          Buffer.from("\r\n"),
        );
      }
      if (createProgrammes !== undefined) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\ncontent-disposition: form-data; name="createProgrammes"\r\n\r\n${createProgrammes}\r\n`,
          ),
        );
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return {
        payload: Buffer.concat(parts),
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      };
    });
}

/** An import accepted with 202 runs in the background: wait for it, so the next snapshot is stable. */
async function settleImport(client: Client, res: LightMyRequestResponse): Promise<void> {
  if (res.statusCode !== 202) return;
  const id = res.json().id as string;
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/imports/${id}`)).json();
    if (job.status === "done" || job.status === "rejected") return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

function describeRequest(op: Operation, req: GeneratedRequest, res: LightMyRequestResponse): string {
  const payload =
    typeof req.payload === "string"
      ? req.payload.slice(0, 600)
      : req.payload
        ? `<${req.payload.length} bytes>`
        : "";
  return `${op.method} ${req.url} ${payload}\n→ ${res.statusCode} ${res.body.slice(0, 600)}`;
}

/** A 400 names every field it refuses. */
function expectFieldIssues(op: Operation, req: GeneratedRequest, res: LightMyRequestResponse): void {
  const body = res.json();
  const where = describeRequest(op, req, res);
  expect(typeof body.message, where).toBe("string");
  expect(Array.isArray(body.issues) && body.issues.length > 0, `a 400 without issues: ${where}`).toBe(true);
  for (const issue of body.issues) {
    expect(typeof issue.field, where).toBe("string");
    expect(issue.field, where).toMatch(/^(body|querystring|params|headers)(\.|$)/);
    expect(typeof issue.rule, where).toBe("string");
    expect(issue.rule.length, where).toBeGreaterThan(0);
    expect(typeof issue.message, where).toBe("string");
  }
}

// ---------------------------------------------------------------------------------------------

let admin: Client;

/** The administrator's client; after a generated logout, a new session. */
async function adminClient(): Promise<Client> {
  if (!admin) admin = await w.as("admin");
  return admin;
}

async function send(
  client: Client,
  op: Operation,
  req: GeneratedRequest,
  extraHeaders: Record<string, string> = {},
) {
  return client.inject({
    method: op.method as "GET",
    url: req.url,
    headers: { ...req.headers, ...extraHeaders },
    ...(req.payload === undefined ? {} : { payload: req.payload }),
  });
}

describe("every operation of the OpenAPI document, fuzzed", () => {
  it.each<["clinician1" | "viewer"]>([["clinician1"], ["viewer"]])(
    "as %s about what is outside the scope: refused, nothing written",
    async (username) => {
      await refreshPools();
      let client = await login(w.app, username, PASSWORD);
      const inScopeSites = username === "clinician1" ? [w.ids.sites.s1] : [];
      // Everything at S3 and the IMR programme is outside clinician1's scope; the viewer has no patient-level scope.
      const outside: Record<string, Array<number | string>> = {
        sites: [w.ids.sites.s3],
        programmes: [w.ids.programmes.imr],
        patients: [world.patientS3],
        enrolments: [world.enrolmentS3],
        groups: [world.groupS3],
        treatment_plans: [world.planS3],
        training_courses: [world.courseS3],
        areas: [w.ids.areas.south],
        users: pools.users ?? [],
      };
      // Rows of other tables at S3 (interventions, professionals, services, reviews…).
      for (const table of new Set(Object.values(ID_TABLES))) {
        if (outside[table]) continue;
        const hasSite = await sql<{ n: number }>`
          select count(*)::int as n from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and column_name = 'site_id'`.execute(
          w.database.db,
        );
        if (!hasSite.rows[0]?.n) continue;
        const rows = await sql<{
          id: number;
        }>`select id from ${sql.table(table)} where site_id = ${w.ids.sites.s3}`.execute(w.database.db);
        outside[table] = rows.rows.length ? rows.rows.map((r) => r.id) : [999_999];
      }
      const o: ArbitraryOptions = { ids: idSourceFor(outside), today: today() };
      for (const op of operations) {
        if (op.key in SKIPPED) continue;
        await fc.assert(
          fc.asyncProperty(requestArb(op, o, outside, false), async (req) => {
            const before = await snapshot();
            const head = await auditHead();
            const res = await send(client, op, req);
            const where = `${username}: ${describeRequest(op, req, res)}`;
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode === 400 || res.statusCode === 414) expectFieldIssues(op, req, res);
            if (op.multipart) await settleImport(client, res);
            if (SELF_SERVICE.has(op.key)) {
              if (op.key === "DELETE /api/session" && res.statusCode < 300)
                client = await login(w.app, username, PASSWORD);
              return;
            }
            if (op.method !== "GET" && res.statusCode < 300) {
              // A 2xx is allowed only for what changes nothing (a computation, a preview).
              expect(changed(before, await snapshot()), `${username} wrote out of scope: ${where}`).toEqual(
                [],
              );
              return;
            }
            if (op.method === "GET" && patientLevelPath(op)) {
              expect(
                [400, 403, 404],
                `${username} read another site's patient-level data: ${where}`,
              ).toContain(res.statusCode);
            }
            if (res.statusCode >= 400) {
              await expectNothingWritten(op, before, head, `a refusal wrote: ${where}`);
              return;
            }
            // A read that succeeded: patient-level reads are audited, and may concern only the user's own sites.
            const reads = await auditSince(head);
            for (const entry of reads) {
              expect(entry.action, `${username} read: ${where}`).toBe("read");
              // A list read (no one site) is scoped by its query (patient-scope.ts); viewers have none.
              if (entry.site_id === null && username !== "viewer") continue;
              // An analysis is audited for every reader, viewers included: aggregates computed from
              // patient-level data (docs/analysis.md), never a patient row, for no one site.
              if (entry.site_id === null && entry.entity === "analysis") continue;
              expect(
                inScopeSites,
                `${username} read patient-level data of site ${entry.site_id}: ${where}`,
              ).toContain(entry.site_id);
            }
            const after = await snapshot();
            expect(
              changed(before, after).filter((t) => t !== "audit_log"),
              `${username}'s read wrote: ${where}`,
            ).toEqual([]);
          }),
          { numRuns: SCOPE_RUNS, endOnFailure: true },
        );
      }
    },
    600_000,
  );

  it("as an administrator: no 5xx, a 400 names its fields, a refusal writes nothing", async () => {
    const today_ = today();
    let known: Record<string, string> | null = null;
    let logins = 0;
    for (const op of operations) {
      if (op.key in SKIPPED) continue;
      await refreshPools();
      const o: ArbitraryOptions = { ids: idSourceFor(), today: today_ };
      await fc.assert(
        fc.asyncProperty(requestArb(op, o, {}, true), async (req) => {
          const client = await adminClient();
          // After a refusal the database is as the last snapshot says (it was checked): no need to read it again.
          const before = known ?? (await snapshot());
          known = null;
          const head = await auditHead();
          // Logins are fuzzed from addresses of their own, so the throttle never locks the test's client out.
          const res = await send(
            client,
            op,
            req,
            op.key === "POST /api/session"
              ? { "x-forwarded-for": `10.9.${Math.floor(++logins / 250) % 250}.${logins % 250}` }
              : {},
          );
          const where = describeRequest(op, req, res);
          count(op, res.statusCode);
          if (process.env.PRAXIS_FUZZ_STATS === "2" && res.statusCode === 400) console.log(where);
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode === 400 || res.statusCode === 414) expectFieldIssues(op, req, res);
          if (res.statusCode >= 400) {
            known = await expectNothingWritten(op, before, head, `a refusal wrote: ${where}`);
          }
          if (op.multipart) await settleImport(client, res);
          if (op.key === "DELETE /api/session" && res.statusCode < 300) {
            admin = await login(w.app, "admin", PASSWORD);
            known = null;
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      covered.add(op.key);
    }
  }, 600_000);

  it("without a session: 401 for every operation but the public ones, nothing written", async () => {
    await refreshPools();
    const o: ArbitraryOptions = { ids: idSourceFor(), today: today() };
    for (const op of operations) {
      if (op.key in SKIPPED) continue;
      await fc.assert(
        fc.asyncProperty(requestArb(op, o, {}, false), async (req) => {
          const before = await snapshot();
          const head = await auditHead();
          const res = await send(w.anonymous, op, req, { "x-forwarded-for": "10.8.0.1" });
          const where = `anonymous: ${describeRequest(op, req, res)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (!PUBLIC.has(op.key)) expect(res.statusCode, where).toBe(401);
          if (res.statusCode === 400) expectFieldIssues(op, req, res);
          if (res.statusCode >= 400)
            await expectNothingWritten(op, before, head, `a refusal wrote: ${where}`);
        }),
        { numRuns: 1, endOnFailure: true },
      );
    }
  }, 600_000);

  // The defects the fuzzer found, as fixed examples: each answered a 5xx or a refusal without a field.
  it.each<
    [string, () => { method: "GET" | "PATCH" | "DELETE"; url: string; payload?: unknown }, number, string]
  >([
    ["an empty PATCH /api/me (500)", () => ({ method: "PATCH", url: "/api/me", payload: {} }), 400, "body"],
    [
      "a path that is not valid percent-encoding (Fastify's own answer, no field)",
      () => ({ method: "DELETE", url: "/api/interventions/%ud800" }),
      400,
      "params",
    ],
    [
      "an over-long path parameter (Fastify's own answer, no field)",
      () => ({ method: "GET", url: `/api/patients/${"7".repeat(150)}` }),
      414,
      "params",
    ],
    [
      "an indicator breakdown as of year 0 (500 on PostgreSQL)",
      () => ({
        method: "GET",
        url: `/api/programmes/${w.ids.programmes.bpd}/indicators/psychosocial_interventions/breakdown?by=enrolment_year&asOf=0000-01-01`,
      }),
      400,
      "querystring.asOf",
    ],
    [
      "an unknown indicator id (named query.ids, not querystring.ids)",
      () => ({ method: "GET", url: `/api/programmes/${w.ids.programmes.bpd}/indicators?ids=nope` }),
      400,
      "querystring.ids",
    ],
  ])("refuses %s naming the field", async (_name, make, status, field) => {
    const client = await adminClient();
    const { method, url, payload } = make();
    const before = await snapshot();
    const res = await client.inject({
      method,
      url,
      ...(payload === undefined
        ? {}
        : { payload: JSON.stringify(payload), headers: { "content-type": "application/json" } }),
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(changed(before, await snapshot())).toEqual([]);
  });

  it("covered every operation of the document", () => {
    const all = operations.map((o) => o.key).filter((k) => !(k in SKIPPED));
    expect([...covered].sort()).toEqual(all.sort());
    expect(operations.length).toBeGreaterThan(150);
  });
});
