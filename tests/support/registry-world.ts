import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { addDays, today, yearOf } from "../../src/server/infra/time/civil-date.ts";
import { lateBound } from "./late-bound.ts";
import { rowCounts } from "./row-counts.ts";
import { type Client, createWorld, USERNAMES, type Username, type World } from "./world.ts";

/**
 * Helpers for the registry API tests, on top of world.ts: patients and enrolments through the API
 * (so every rule applies), direct inserts where a test needs volume, and a few assertions.
 */

export const daysAgo = (n: number) => addDays(today(), -n);
export const thisYear = () => yearOf(today());

/** An eligible BPD patient by default: 24 years old at enrolment, new to service. */
export const patientBody = (siteId: number, extra: Record<string, unknown> = {}) => ({
  birthYear: thisYear() - 24,
  sex: "F",
  firstContactDate: daysAgo(30),
  siteId,
  ...extra,
});

/** A new treatment plan created on `createdDate`: not signed, shared with no one, no integrated actions yet. */
export const planBody = (
  patientId: number,
  siteId: number,
  createdDate: string,
  extra: Record<string, unknown> = {},
) => ({
  patientId,
  siteId,
  createdDate,
  signedByPatient: false,
  sharedWithSocialServices: false,
  sharedWithWorkInclusion: false,
  integratedActionsStarted: false,
  ...extra,
});

export function expectCreated(res: LightMyRequestResponse, status = 201) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** The field → rule pairs of a 4xx answer, sorted, for exact comparison. */
export function issuesOf(res: LightMyRequestResponse): string[] {
  return (res.json().issues ?? []).map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`).sort();
}

/** Register a patient as `user` (administrator by default) and return it. */
export async function createPatient(
  w: World,
  siteId: number,
  extra: Record<string, unknown> = {},
  user: Username = "admin",
) {
  const c = await w.as(user);
  return expectCreated(await c.post("/api/patients", patientBody(siteId, extra)));
}

/** Enrol a patient (eligible with diagnosis F60.3 by default). */
export async function enrol(
  w: World,
  body: { patientId: number; programmeId: number; siteId: number; enrolmentDate: string } & Record<
    string,
    unknown
  >,
  user: Username = "admin",
) {
  const c = await w.as(user);
  return expectCreated(await c.post("/api/enrolments", { primaryDiagnosis: "F60.3", ...body }));
}

/** A patient registered and enrolled at a site of a programme, `daysIn` days ago. */
export async function enrolledPatient(
  w: World,
  siteId: number,
  programmeId: number,
  daysIn: number,
  extra: Record<string, unknown> = {},
) {
  const patient = await createPatient(w, siteId, { firstContactDate: daysAgo(daysIn + 10) });
  const enrolment = await enrol(w, {
    patientId: patient.id,
    programmeId,
    siteId,
    enrolmentDate: daysAgo(daysIn),
    ...extra,
  });
  return { patient, enrolment };
}

/** Insert interventions straight into the table (for volume); `dates` one row each. */
export async function insertInterventions(
  w: World,
  patientId: number,
  siteId: number,
  rows: Array<{ date: string; type: string; recipient?: string }>,
) {
  if (rows.length === 0) return;
  await w.database.db
    .insertInto("interventions")
    .values(
      rows.map((r, i) => ({
        code: `T-${patientId}-${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}`,
        patient_id: patientId,
        site_id: siteId,
        date: r.date,
        type: r.type,
        setting: "individual",
        recipient: r.recipient ?? "patient",
        professional_code: null,
        professional_profile: null,
        duration_min: null,
        group_id: null,
        group_session_id: null,
        module: null,
      })),
    )
    .execute();
}

/** Row counts of the registry tables: "nothing stored" is these staying equal. */
export async function registryCounts(w: World) {
  const tables = [
    "patients",
    "enrolments",
    "interventions",
    "groups",
    "group_members",
    "group_sessions",
    "treatment_plans",
    "treatment_plan_history",
  ] as const;
  return rowCounts(w, tables);
}

/** The audit entries a user wrote for an entity (newest first). */
export async function auditOf(w: World, filters: Record<string, string | number>) {
  return w.audit(filters);
}

/** Link a user's role to a professional of a site (what an administrator does in the team page). */
export async function linkProfessional(
  w: World,
  username: Username,
  siteId: number,
  code: string,
  profile = "psychologist",
) {
  const { db } = w.database;
  const pro = await db
    .insertInto("professionals")
    .values({
      code,
      site_id: siteId,
      profile,
      in_implementation_team: true,
      team_coordinator: false,
      trained: true,
      training_hours: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("user_roles")
    .set({ professional_id: pro.id })
    .where("user_id", "=", user.id)
    .execute();
  return pro.id;
}

export type Who = Username | "anonymous";
export type Clients = Record<Who, Client>;

/** Every client the registry access tables talk about. */
export async function clients(w: World): Promise<Clients> {
  const out = { anonymous: w.anonymous } as Clients;
  for (const n of USERNAMES) out[n] = await w.as(n);
  return out;
}

/**
 * One world per test file with a client per user: created before the file's tests (then `ready`
 * receives them, and may add what the file needs), closed after them. The file reads them as `w`
 * and `c` once its tests run.
 */
export function withRegistryWorld(ready: (w: World, c: Clients) => void | Promise<void> = () => {}): {
  w: World;
  c: Clients;
} {
  let world: World | undefined;
  let users: Clients | undefined;
  beforeAll(async () => {
    world = await createWorld();
    users = await clients(world);
    await ready(world, users);
  });
  afterAll(async () => {
    await world?.close();
  });
  return {
    w: lateBound(() => world, "the registry world"),
    c: lateBound(() => users, "the registry clients"),
  };
}
