import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import { principalOf } from "../../infra/auth/plugin.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Executor } from "../../infra/db/executor.ts";
import { AppError, type FieldIssue, forbidden, issuesError, notFound } from "../../infra/http/errors.ts";
import { patientVisible } from "./patient-scope.ts";
import { canReadSiteData, hasRole } from "./roles.ts";

/**
 * Access to patient-level data, on top of core/access/roles.ts. Administrators, regional
 * coordinators, site coordinators and clinicians may use the registry (each within their sites);
 * viewers never receive patient-level rows, so every registry endpoint answers them 403.
 */
export function requireRegistryUser(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (!hasRole(p, "administrator", "regional_coordinator", "site_coordinator", "clinician"))
    throw forbidden("viewers see aggregated figures only, never patient-level data", "aggregates_only");
  return p;
}

/**
 * Writing patient data at a site: the sites whose data the user reads. For clinicians and site
 * coordinators those are their own sites; for regional coordinators the sites of their programmes.
 */
export function canWriteSiteData(p: Principal, siteId: number): boolean {
  return canReadSiteData(p, siteId);
}

export function assertSiteReadable(p: Principal, siteId: number): void {
  if (!canReadSiteData(p, siteId)) throw forbidden("you have no role at this site", "not_your_site");
}

export function assertSiteWritable(p: Principal, siteId: number): void {
  if (!canWriteSiteData(p, siteId))
    throw forbidden("you may record data only at your own sites", "not_your_site");
}

/** Site references of a request: unknown ones (400 issues) and ones the user may not write at (403). */
export async function siteProblems(
  db: Executor,
  p: Principal,
  refs: Array<{ siteId: number; field: string }>,
): Promise<{ missing: FieldIssue[]; refused: FieldIssue[] }> {
  if (refs.length === 0) return { missing: [], refused: [] };
  const ids = [...new Set(refs.map((r) => r.siteId))];
  const known = new Set(
    (await db.selectFrom("sites").select("id").where("id", "in", ids).execute()).map((s) => s.id),
  );
  return {
    missing: refs
      .filter((r) => !known.has(r.siteId))
      .map((r) => ({ field: r.field, rule: "reference", message: "no such site" })),
    refused: refs
      .filter((r) => known.has(r.siteId) && !canWriteSiteData(p, r.siteId))
      .map((r) => ({ field: r.field, rule: "forbidden", message: "not one of your sites" })),
  };
}

/** Check that every site id exists (400 naming the field) and is writable by the user (403). */
export async function checkWritableSites(
  db: Executor,
  p: Principal,
  refs: Array<{ siteId: number; field: string }>,
): Promise<void> {
  const { missing, refused } = await siteProblems(db, p, refs);
  if (refused.length) throw forbiddenIssues(refused);
  if (missing.length) throw issuesError(missing);
}

export interface PatientRef {
  id: number;
  code: string;
  birth_year: number;
  first_contact_date: string | null;
}

/**
 * Patient references of a request: the patients found, the unknown ids (400 issues) and the
 * patients the user may not see by the patient-scope predicate (403). One query for any number.
 */
export async function patientProblems(
  db: Executor,
  p: Principal,
  refs: Array<{ patientId: number; field: string }>,
): Promise<{ patients: Map<number, PatientRef>; missing: FieldIssue[]; hidden: FieldIssue[] }> {
  const ids = [...new Set(refs.map((r) => r.patientId))];
  if (ids.length === 0) return { patients: new Map(), missing: [], hidden: [] };
  const rows = await db
    .selectFrom("patients as p")
    .select((eb) => [
      "p.id",
      "p.code",
      "p.birth_year",
      "p.first_contact_date",
      sql<boolean>`${patientVisible(eb, p)}`.as("visible"),
    ])
    .where("p.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    patients: new Map(rows.filter((r) => r.visible).map(({ visible: _v, ...r }) => [r.id, r])),
    missing: refs
      .filter((r) => !byId.has(r.patientId))
      .map((r) => ({ field: r.field, rule: "reference", message: "no such patient" })),
    hidden: refs
      .filter((r) => byId.has(r.patientId) && !byId.get(r.patientId)!.visible)
      .map((r) => ({ field: r.field, rule: "forbidden", message: "not a patient of your sites" })),
  };
}

/**
 * Patients named in a request body: unknown ids are a 400 naming each field; patients the user
 * may not see are a 403.
 */
export async function loadPatientsFor(
  db: Executor,
  p: Principal,
  refs: Array<{ patientId: number; field: string }>,
): Promise<Map<number, PatientRef>> {
  const { patients, missing, hidden } = await patientProblems(db, p, refs);
  if (hidden.length) throw forbiddenIssues(hidden);
  if (missing.length) throw issuesError(missing);
  return patients;
}

/** 403 naming the fields that reach outside the user's scope. */
export function forbiddenIssues(issues: FieldIssue[]): AppError {
  const patient = issues.some((i) => i.message.includes("patient"));
  return new AppError(
    "forbidden",
    patient
      ? "you have no access to this patient: they are not known at your sites"
      : "you may record data only at your own sites",
    issues,
    {},
    patient ? "not_your_patient" : "not_your_site",
  );
}

/** The patient of a URL (`/api/patients/:id`): 404 when unknown, 403 when not visible to the user. */
export async function loadPatientOf(db: Executor, p: Principal, id: number) {
  const row = await db
    .selectFrom("patients as p")
    .selectAll("p")
    .select((eb) => sql<boolean>`${patientVisible(eb, p)}`.as("visible"))
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("patient");
  if (!row.visible)
    throw forbidden(
      "you have no access to this patient: they are not known at your sites",
      "not_your_patient",
    );
  const { visible: _v, ...patient } = row;
  return patient;
}
