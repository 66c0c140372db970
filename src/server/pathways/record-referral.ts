import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { createPatientRecord } from "./patient-record.ts";
import { loadReferrals, serviceIssues } from "./referral-repository.ts";
import type { Referral, ReferralBody } from "./schemas.ts";

/**
 * Refer a patient from a site (or a directory service on its behalf) to a directory service of
 * the site's region, pending its decision; one audited transaction. A patient the user sees and a
 * site the user writes at (403 otherwise); services known (400), of the site's region, active,
 * and not the same twice; the date a care date.
 */
export async function recordReferral(
  db: Db,
  p: Principal,
  actor: Actor,
  body: ReferralBody,
): Promise<Referral> {
  return createPatientRecord(db, p, actor, "referral", body, async (trx, patient) => {
    const now = today();
    const from = body.fromServiceId ?? null;
    const issues: FieldIssue[] = [
      ...(await serviceIssues(trx, body.siteId, [
        ...(from === null ? [] : [{ id: from, field: "body.fromServiceId", mustBeActive: false }]),
        { id: body.toServiceId, field: "body.toServiceId", mustBeActive: true },
      ])),
      ...careDateIssues("body.referralDate", body.referralDate, patient.birth_year, now),
    ];
    if (from !== null && from === body.toServiceId)
      issues.push({
        field: "body.fromServiceId",
        rule: "same_service",
        message: "a service does not refer to itself",
      });
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("referrals")
      .values({
        patient_id: body.patientId,
        site_id: body.siteId,
        from_service_id: from,
        to_service_id: body.toServiceId,
        reason: body.reason,
        referral_date: body.referralDate,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [out] = await loadReferrals(trx, { ids: [row.id] }, now);
    return { id: row.id, record: out! };
  });
}
