import { assertSiteWritable, loadPatientsFor } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { issuesError, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { enrolmentRowToEnrolment } from "./repository.ts";
import type { Enrolment, EnrolmentPatch } from "./schemas.ts";

/**
 * Change an enrolment: end it (end date and reason together, on or after the enrolment date, not
 * in the future), reopen it (both null), or change its case manager and diagnoses. The rules are
 * checked on the enrolment as it will be stored, so a reason may be corrected on its own.
 */
export async function updateEnrolment(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: EnrolmentPatch,
): Promise<Enrolment> {
  return auditedWrite(db, actor, { action: "update", entity: "enrolment" }, async (trx) => {
    const before = await trx
      .selectFrom("enrolments")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("enrolment");
    assertSiteWritable(p, before.site_id);
    await loadPatientsFor(trx, p, [{ patientId: before.patient_id, field: "patientId" }]);
    const pick = <T>(sent: T | undefined, stored: T) => (sent === undefined ? stored : sent);
    const next = {
      end_date: pick(body.endDate, before.end_date),
      end_reason: pick(body.endReason, before.end_reason),
      primary_diagnosis: pick(body.primaryDiagnosis, before.primary_diagnosis),
      secondary_diagnosis: pick(body.secondaryDiagnosis, before.secondary_diagnosis),
      case_manager_code: pick(body.caseManagerCode, before.case_manager_code),
      case_manager_profile: pick(body.caseManagerProfile, before.case_manager_profile),
    };
    // Clearing the case manager clears their profile too.
    if (body.caseManagerCode === null && body.caseManagerProfile === undefined)
      next.case_manager_profile = null;
    const issues: FieldIssue[] = [];
    if (next.end_reason !== null && next.end_date === null)
      issues.push({
        field: "body.endReason",
        rule: "requires_end_date",
        message: "an end reason needs an end date",
      });
    if (next.end_date !== null && next.end_reason === null)
      issues.push({
        field: "body.endReason",
        rule: "required",
        message: "give the reason the enrolment ended",
      });
    if (next.end_date !== null && next.end_date < before.enrolment_date)
      issues.push({
        field: "body.endDate",
        rule: "before_start",
        message: `must be on or after the enrolment date ${before.enrolment_date}`,
      });
    else if (next.end_date !== null && body.endDate && next.end_date > today())
      issues.push({ field: "body.endDate", rule: "future", message: `${next.end_date} is in the future` });
    if (next.case_manager_profile !== null && next.case_manager_code === null)
      issues.push({
        field: "body.caseManagerProfile",
        rule: "requires_case_manager",
        message: "a case manager profile needs a case manager code",
      });
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .updateTable("enrolments")
      .set(next)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: enrolmentRowToEnrolment(row),
      entityId: id,
      siteId: row.site_id,
      programmeId: row.programme_id,
      before: enrolmentRowToEnrolment(before),
      after: enrolmentRowToEnrolment(row),
    };
  });
}
