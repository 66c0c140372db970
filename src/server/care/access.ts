import { sql } from "kysely";
import { patientVisibleAt } from "../core/access/patient-scope.ts";
import { memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Executor } from "../infra/db/executor.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";

/**
 * Who writes consent and plans (issue 13, part 3): the clinicians and site coordinators (the
 * case managers are clinicians) of a site where the patient is known. Administrators, regional
 * coordinators and viewers read through the registry's rules but do not write; nor does the
 * staff of another site.
 */
export const careWriterSites = (p: Principal): number[] => [...new Set(memberSites(p))];

/**
 * The user's sites where the patient is known and the user writes care records (may be empty):
 * one query, one column per site of the user's grants (a handful).
 */
export async function writableSitesFor(db: Executor, p: Principal, patientId: number): Promise<number[]> {
  const mine = careWriterSites(p);
  if (mine.length === 0) return [];
  const row = await db
    .selectFrom("patients as p")
    .select((eb) => mine.map((siteId, i) => sql<boolean>`${patientVisibleAt(eb, [siteId])}`.as(`s${i}`)))
    .where("p.id", "=", patientId)
    .executeTakeFirst();
  if (!row) return [];
  const visible = row as Record<string, boolean>;
  return mine.filter((_, i) => visible[`s${i}`]);
}

export const NOT_A_WRITER =
  "consent and care plans are written by the clinicians and site coordinators of a site where the patient is known";

/**
 * The patient of a write: 404 when unknown; 403 when the user writes care records at none of the
 * patient's sites, or `siteId` (when given) is not one of those sites.
 */
export async function assertCareWriter(
  db: Executor,
  p: Principal,
  patientId: number,
  siteId?: number,
): Promise<{ id: number; code: string; birth_year: number; sites: number[] }> {
  const patient = await db
    .selectFrom("patients")
    .select(["id", "code", "birth_year"])
    .where("id", "=", patientId)
    .executeTakeFirst();
  if (!patient) throw notFound("patient");
  const sites = await writableSitesFor(db, p, patientId);
  if (sites.length === 0) throw forbidden(NOT_A_WRITER, "not_your_patient");
  if (siteId !== undefined && !sites.includes(siteId)) throw forbidden(NOT_A_WRITER, "not_your_site");
  return { ...patient, sites };
}
