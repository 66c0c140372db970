import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { assertCareWriter } from "./access.ts";
import { referenceIssues } from "./references.ts";
import { loadConsents } from "./repository.ts";
import type { Consent, ConsentBody } from "./schemas.ts";

/**
 * Record a patient's consent to share information with a service of the directory, at one of the
 * user's sites where the patient is known (403 otherwise). The service must be an active service
 * of that site's region; the date a care date; a current consent with the same service is
 * refused (withdraw it first, or it stands) — each a 400 naming the field. Audited.
 */
export async function recordConsent(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  body: ConsentBody,
): Promise<Consent> {
  return auditedWrite(db, actor, { action: "create", entity: "care_consent" }, async (trx) => {
    const patient = await assertCareWriter(trx, p, patientId, body.siteId);
    const issues = [
      ...careDateIssues("body.givenDate", body.givenDate, patient.birth_year, today()),
      ...(await referenceIssues(
        trx,
        body.siteId,
        [{ serviceId: body.serviceId, field: "body.serviceId" }],
        [],
      )),
    ];
    if (issues.length === 0) {
      const current = await trx
        .selectFrom("care_consents")
        .select("id")
        .where("patient_id", "=", patientId)
        .where("service_id", "=", body.serviceId)
        .where("withdrawn_date", "is", null)
        .forUpdate()
        .executeTakeFirst();
      if (current)
        issues.push({
          field: "body.serviceId",
          rule: "exists",
          message: "the patient already has a current consent for this service: withdraw it first",
        });
    }
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("care_consents")
      .values({
        patient_id: patientId,
        site_id: body.siteId,
        service_id: body.serviceId,
        scope: body.scope,
        given_date: body.givenDate,
        created_by: p.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const saved = (await loadConsents(trx, [patientId])).find((c) => c.id === row.id)!;
    return { result: saved, entityId: row.id, siteId: body.siteId, before: null, after: saved };
  });
}
