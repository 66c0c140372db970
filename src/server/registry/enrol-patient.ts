import { loadPatientsFor } from "../core/access/patients.ts";
import { loadWritablePatient } from "../core/access/writable-patient.ts";
import { assertCareDate } from "../core/care-dates.ts";
import { CODE_PREFIX, generateCode } from "../core/codes.ts";
import { programmeRunsAt } from "../core/programme-scope.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import { auditedWrite, created } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { AppError, issuesError } from "../infra/http/errors.ts";
import { checkEligibility, type EligibilityResult } from "./eligibility.ts";
import { enrolmentRowToEnrolment, loadProgrammeRules } from "./repository.ts";
import type { EligibilityQuery, Enrolment, EnrolmentBody } from "./schemas.ts";

/** The programme (400 when unknown) and the eligibility result for a patient on a date. */
async function evaluate(
  db: Executor,
  patient: { birth_year: number; first_contact_date: string | null },
  programmeId: number,
  enrolmentDate: string,
  primaryDiagnosis: string | null,
  programmeField: string,
): Promise<EligibilityResult> {
  const programme = await loadProgrammeRules(db, programmeId);
  if (!programme)
    throw issuesError([{ field: programmeField, rule: "reference", message: "no such programme" }]);
  const { ageBand, targetDiagnoses, newToServiceDays } = programme.parameters;
  return checkEligibility(
    {
      birthYear: patient.birth_year,
      firstContactDate: patient.first_contact_date,
      primaryDiagnosis,
      enrolmentDate,
    },
    { ageBand, targetDiagnoses, newToServiceDays },
  );
}

/** A readable list of the checks that failed or could not be told. */
export const failedChecks = (result: EligibilityResult) =>
  result.checks
    .filter((c) => c.ok !== true)
    .map((c) => `${c.rule}: ${c.detail}${c.ok === null ? " (cannot tell)" : ""}`)
    .join("; ");

/**
 * Enrol a patient in a programme at one of its sites. The programme's eligibility rules are
 * checked and the result stored; an ineligible patient is enrolled only with an `overrideReason`
 * (the pilot enrolled some anyway, and said why). One enrolment per patient and programme.
 */
export async function enrolPatient(
  db: Db,
  p: Principal,
  actor: Actor,
  body: EnrolmentBody,
): Promise<Enrolment> {
  return auditedWrite(db, actor, { action: "create", entity: "enrolment" }, async (trx) => {
    const patient = await loadWritablePatient(trx, p, body);
    const primary = body.primaryDiagnosis ?? null;
    const eligibility = await evaluate(
      trx,
      patient,
      body.programmeId,
      body.enrolmentDate,
      primary,
      "body.programmeId",
    );
    if (!(await programmeRunsAt(trx, body.programmeId, body.siteId)))
      throw issuesError([
        { field: "body.siteId", rule: "programme_site", message: "the programme does not run at this site" },
      ]);
    assertCareDate("body.enrolmentDate", body.enrolmentDate, patient.birth_year);
    const existing = await trx
      .selectFrom("enrolments")
      .select("code")
      .where("patient_id", "=", body.patientId)
      .where("programme_id", "=", body.programmeId)
      .executeTakeFirst();
    if (existing) {
      const message = `the patient is already enrolled in this programme (${existing.code})`;
      throw new AppError("conflict", message, [
        {
          field: "body.programmeId",
          rule: "already_enrolled",
          params: { enrolment: existing.code },
          message,
        },
      ]);
    }
    if (!eligibility.eligible && !body.overrideReason) {
      // The reason is what the user can act on; which checks failed, as codes, lets a client say why.
      const checks = eligibility.checks.filter((c) => c.ok !== true).map((c) => c.rule);
      const message = `not eligible — ${failedChecks(eligibility)}; give a reason to enrol anyway`;
      throw new AppError("validation", `body.overrideReason: ${message}`, [
        { field: "body.overrideReason", rule: "not_eligible", params: { checks }, message },
      ]);
    }
    const row = await trx
      .insertInto("enrolments")
      .values({
        code: generateCode(CODE_PREFIX.enrolment),
        patient_id: body.patientId,
        programme_id: body.programmeId,
        site_id: body.siteId,
        enrolment_date: body.enrolmentDate,
        primary_diagnosis: primary,
        secondary_diagnosis: body.secondaryDiagnosis ?? null,
        case_manager_code: body.caseManagerCode ?? null,
        case_manager_profile: body.caseManagerProfile ?? null,
        eligibility: JSON.stringify(eligibility),
        eligibility_override_reason: body.overrideReason ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const enrolment = enrolmentRowToEnrolment(row);
    return created(row, enrolment);
  });
}

/**
 * The eligibility check alone, for the enrolment form to show before saving. Reading the patient's
 * data this way is audited like any other read.
 */
export async function previewEligibility(
  db: Db,
  p: Principal,
  actor: Actor,
  query: EligibilityQuery,
): Promise<EligibilityResult> {
  const patients = await loadPatientsFor(db, p, [
    { patientId: query.patientId, field: "querystring.patientId" },
  ]);
  const result = await evaluate(
    db,
    patients.get(query.patientId)!,
    query.programmeId,
    query.enrolmentDate,
    query.primaryDiagnosis ?? null,
    "querystring.programmeId",
  );
  await audit(db, actor, {
    action: "read",
    entity: "eligibility",
    entityId: query.patientId,
    programmeId: query.programmeId,
    detail: { query, result },
  });
  return result;
}
