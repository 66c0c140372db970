import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { PARAMETER_DEFAULTS } from "../../src/shared/programme-defaults.ts";
import { isKnownRule } from "../../src/shared/validation-messages.ts";
import { perTestFile } from "./late-bound.ts";
import { openTestDatabase } from "./test-db.ts";

export const PASSWORD = "correct-horse-battery";

/**
 * A small region for API tests: two areas, three sites, two programmes (BPD at S1+S2, IMR at S3)
 * and one user per role, including clinicians of different sites.
 */
export interface World {
  app: FastifyInstance;
  database: Database;
  ids: {
    region: number;
    areas: { north: number; south: number };
    sites: { s1: number; s2: number; s3: number };
    practices: { bpd: number; imr: number };
    programmes: { bpd: number; imr: number };
  };
  as(username: Username): Promise<Client>;
  anonymous: Client;
  /** Audit entries matching the filters (entity, entityId, action…), newest first, as an administrator reads them. */
  audit(filters: Record<string, string | number>): Promise<AuditEntryJson[]>;
  close(): Promise<void>;
}

export interface AuditEntryJson {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  siteId: number | null;
  programmeId: number | null;
  detail: { before?: unknown; after?: unknown } & Record<string, unknown>;
}

export type Username =
  | "admin"
  | "coordinator"
  | "sitecoord1"
  | "clinician1"
  | "clinician2"
  | "clinician3"
  | "viewer";

/** Every user of the world, one per role (and a clinician per site). */
export const USERNAMES: readonly Username[] = [
  "admin",
  "coordinator",
  "sitecoord1",
  "clinician1",
  "clinician2",
  "clinician3",
  "viewer",
];

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

const emptyDefinition = (modules: string[] = []) =>
  JSON.stringify({
    description: "",
    components: modules.length
      ? [{ code: "core", name: "Core", modules: modules.map((m) => ({ code: m, name: m })) }]
      : [],
    interventionTypes: [],
    eligibility: { ageMin: 18, ageMax: 30, targetDiagnoses: ["F60.3"], newToServiceDays: 365 },
  });

/** The parameters of both programmes: the defaults of INDICATORS.md. */
export const DEFAULT_PARAMETERS = PARAMETER_DEFAULTS;

export async function createWorld(): Promise<World> {
  const database = await openTestDatabase();
  const { db } = database;
  const region = await db
    .insertInto("regions")
    .values({ code: "LOM", name: "Lombardy" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [north, south] = await db
    .insertInto("areas")
    .values([
      { region_id: region.id, code: "ATS-N", name: "North" },
      { region_id: region.id, code: "ATS-S", name: "South" },
    ])
    .returning("id")
    .execute();
  const [s1, s2, s3] = await db
    .insertInto("sites")
    .values([
      { region_id: region.id, area_id: north!.id, code: "S1", name: "Site one" },
      { region_id: region.id, area_id: north!.id, code: "S2", name: "Site two" },
      { region_id: region.id, area_id: south!.id, code: "S3", name: "Site three" },
    ])
    .returning("id")
    .execute();
  const [bpd, imr] = await db
    .insertInto("practices")
    .values([
      { code: "BPD", name: "Stepped care for BPD" },
      { code: "IMR", name: "Illness Management and Recovery" },
    ])
    .returning("id")
    .execute();
  await db
    .insertInto("practice_versions")
    .values([
      { practice_id: bpd!.id, version: 1, definition: emptyDefinition() },
      { practice_id: imr!.id, version: 1, definition: emptyDefinition(["IMR-1", "IMR-2"]) },
    ])
    .execute();
  const [pBpd, pImr] = await db
    .insertInto("programmes")
    .values([
      {
        code: "BPD-LOM",
        name: "BPD pilot",
        practice_id: bpd!.id,
        practice_version: 1,
        region_id: region.id,
        parameters: JSON.stringify(DEFAULT_PARAMETERS),
        updated_at: new Date(),
      },
      {
        code: "IMR-LOM",
        name: "IMR pilot",
        practice_id: imr!.id,
        practice_version: 1,
        region_id: region.id,
        parameters: JSON.stringify(DEFAULT_PARAMETERS),
        updated_at: new Date(),
      },
    ])
    .returning("id")
    .execute();
  await db
    .insertInto("programme_sites")
    .values([
      { programme_id: pBpd!.id, site_id: s1!.id, target_enrolment: null },
      { programme_id: pBpd!.id, site_id: s2!.id, target_enrolment: 20 },
      { programme_id: pImr!.id, site_id: s3!.id, target_enrolment: null },
    ])
    .execute();
  const users: Array<[Username, { role: string; programmeId: number | null; siteId: number | null }]> = [
    ["admin", { role: "administrator", programmeId: null, siteId: null }],
    ["coordinator", { role: "regional_coordinator", programmeId: pBpd!.id, siteId: null }],
    ["sitecoord1", { role: "site_coordinator", programmeId: null, siteId: s1!.id }],
    ["clinician1", { role: "clinician", programmeId: null, siteId: s1!.id }],
    ["clinician2", { role: "clinician", programmeId: null, siteId: s2!.id }],
    ["clinician3", { role: "clinician", programmeId: null, siteId: s3!.id }],
    ["viewer", { role: "viewer", programmeId: null, siteId: null }],
  ];
  for (const [username, grant] of users) {
    await createUser(db, SYSTEM, { username, password: PASSWORD, grants: [grant] });
  }

  // inject() connects from 127.0.0.1: trusting it lets tests choose the client address.
  const config = loadConfig({
    PRAXIS_WEB_DIR: "/nonexistent",
    PRAXIS_TRUSTED_PROXIES: "127.0.0.1",
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config });
  const untranslatable = watchRefusals(app);
  await app.ready();

  const clients = new Map<string, Client>();
  const anonymous = makeClient(app, "", "");

  return {
    app,
    database,
    ids: {
      region: region.id,
      areas: { north: north!.id, south: south!.id },
      sites: { s1: s1!.id, s2: s2!.id, s3: s3!.id },
      practices: { bpd: bpd!.id, imr: imr!.id },
      programmes: { bpd: pBpd!.id, imr: pImr!.id },
    },
    anonymous,
    async as(username) {
      const cached = clients.get(username);
      if (cached) return cached;
      const client = await login(app, username, PASSWORD);
      clients.set(username, client);
      return client;
    },
    async audit(filters) {
      const admin = clients.get("admin") ?? (await login(app, "admin", PASSWORD));
      clients.set("admin", admin);
      const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)]));
      const res = await admin.get(`/api/audit?${query}`);
      if (res.statusCode !== 200) throw new Error(`audit query failed: ${res.statusCode} ${res.body}`);
      return res.json().entries;
    },
    async close() {
      await app.close();
      await database.close();
      if (untranslatable.length)
        throw new Error(`refusals a client cannot translate:\n${untranslatable.slice(0, 20).join("\n")}`);
    },
  };
}

/** zod's own phrasing, which must never reach a client. */
export const RAW_ZOD = /Invalid input|expected [a-z]+, received|Invalid option|overrideReason/;

/**
 * Every refusal of every API test: each issue must carry a rule the translation layer knows
 * (shared/validation-messages.ts) and an English message that is not zod's. Violations are listed
 * when the world closes, failing the test file.
 */
function watchRefusals(app: FastifyInstance): string[] {
  const found: string[] = [];
  app.addHook("onSend", async (req, reply, payload) => {
    if (reply.statusCode < 400 || reply.statusCode >= 500 || typeof payload !== "string") return payload;
    let body: { issues?: Array<{ field: string; rule: string; message: string }> };
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    for (const i of body.issues ?? []) {
      if (!isKnownRule(i.rule) || RAW_ZOD.test(i.message))
        found.push(`${req.method} ${req.url.split("?")[0]}: ${i.field} ${i.rule} "${i.message}"`);
    }
    return payload;
  });
  return found;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/session", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "praxis_session");
  return makeClient(app, `praxis_session=${cookie!.value}`, res.json().csrfToken);
}

function makeClient(app: FastifyInstance, cookie: string, csrf: string): Client {
  const headers = () => ({ ...(cookie ? { cookie } : {}), ...(csrf ? { "x-csrf-token": csrf } : {}) });
  const send = (method: InjectOptions["method"], url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    cookie,
    csrf,
    get: (url) => send("GET", url),
    post: (url, body) => send("POST", url, body ?? {}),
    patch: (url, body) => send("PATCH", url, body ?? {}),
    put: (url, body) => send("PUT", url, body ?? {}),
    delete: (url) => send("DELETE", url),
    inject: (opts) => app.inject({ ...opts, headers: { ...headers(), ...(opts.headers ?? {}) } }),
  };
}

/**
 * One world per test file: created before the file's tests (then `ready` may add what the file
 * needs, reading the world through the returned object), closed after them.
 */
export function worldOfFile(ready: () => Promise<void> = async () => {}): World {
  return perTestFile(createWorld, ready, "the test file's world");
}
