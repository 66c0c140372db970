import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError, issuesError, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { assertCareWriter } from "./access.ts";
import { loadConsents } from "./repository.ts";
import { withdrawalIssues } from "./rules.ts";
import type { Consent, WithdrawBody } from "./schemas.ts";

/**
 * Withdraw a consent: the row gains its withdrawal (date, reason, who) and is kept — the history
 * of consent is never deleted. From the next read on, the service no longer reads the plans.
 * Only a current consent can be withdrawn (409 otherwise); the date is not in the future nor
 * before the consent was given (400 naming `body.withdrawnDate`). Audited.
 */
export async function withdrawConsent(
  db: Db,
  p: Principal,
  actor: Actor,
  consentId: number,
  body: WithdrawBody,
): Promise<Consent> {
  return auditedWrite(db, actor, { action: "withdraw", entity: "care_consent" }, async (trx) => {
    const row = await trx
      .selectFrom("care_consents")
      .selectAll()
      .where("id", "=", consentId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("consent");
    await assertCareWriter(trx, p, row.patient_id);
    if (row.withdrawn_date !== null)
      throw new AppError("conflict", `this consent was already withdrawn on ${row.withdrawn_date}`, [
        {
          field: "body.withdrawnDate",
          rule: "already_withdrawn",
          message: "this consent was already withdrawn",
        },
      ]);
    const issues = withdrawalIssues(body.withdrawnDate, row.given_date, today());
    if (issues.length) throw issuesError(issues);
    const [before] = (await loadConsents(trx, [row.patient_id])).filter((c) => c.id === consentId);
    await trx
      .updateTable("care_consents")
      .set({
        withdrawn_date: body.withdrawnDate,
        withdrawal_reason: body.reason,
        withdrawn_by: p.userId,
        withdrawn_at: new Date(),
      })
      .where("id", "=", consentId)
      .execute();
    const after = (await loadConsents(trx, [row.patient_id])).find((c) => c.id === consentId)!;
    return { result: after, entityId: consentId, siteId: row.site_id, before, after };
  });
}
