import { assertSiteWritable, loadPatientsFor } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { loadReferrals } from "./referral-repository.ts";
import { referralStateIssues } from "./referral-rules.ts";
import type { Referral, ReferralDecisionBody } from "./schemas.ts";

/**
 * Record the receiving service's decision (or correct it, or set it back to pending) and the
 * first contact: the body is the decision as a whole, checked by `referralStateIssues`. The
 * referral's site must be one the user writes at, its patient one they see; audited with before
 * and after, the row locked meanwhile.
 */
export async function decideReferral(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: ReferralDecisionBody,
): Promise<Referral> {
  return auditedWrite(db, actor, { action: "update", entity: "referral" }, async (trx) => {
    const row = await trx
      .selectFrom("referrals")
      .select(["id", "patient_id", "site_id", "referral_date"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("referral");
    assertSiteWritable(p, row.site_id);
    await loadPatientsFor(trx, p, [{ patientId: row.patient_id, field: "patientId" }]);
    const now = today();
    const [before] = await loadReferrals(trx, { ids: [id] }, now);
    const next = {
      decision: body.decision,
      decisionDate: body.decisionDate ?? null,
      declineReason: body.declineReason ?? null,
      firstContactDate: body.firstContactDate ?? null,
    };
    const issues = referralStateIssues(next, row.referral_date, now);
    if (issues.length) throw issuesError(issues);
    await trx
      .updateTable("referrals")
      .set({
        decision: next.decision,
        decision_date: next.decisionDate,
        decline_reason: next.declineReason,
        first_contact_date: next.firstContactDate,
      })
      .where("id", "=", id)
      .execute();
    const [after] = await loadReferrals(trx, { ids: [id] }, now);
    return { result: after!, entityId: id, siteId: row.site_id, before, after };
  });
}
