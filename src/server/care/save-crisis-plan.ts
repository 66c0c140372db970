import { careDateIssues } from "../core/care-dates.ts";
import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { assertCareWriter } from "./access.ts";
import { referenceIssues, whoRefs } from "./references.ts";
import { loadCrisisPlan, type StoredCrisisAction } from "./repository.ts";
import { notBeforePlan } from "./rules.ts";
import type { CrisisPlan, CrisisPlanBody } from "./schemas.ts";

/**
 * Write the patient's crisis plan (one per patient) as a new version: early warning signs, what
 * helps, actions with who, crisis contacts from the directory, plan and review dates. Written by
 * the clinicians and site coordinators of a site where the patient is known, at that site (403
 * otherwise). `baseVersion` 0 creates it; a stale version answers 409 and stores nothing. The
 * plan date is a care date, the review date not before it; services are active services of the
 * site's region, professionals of its team — each a 400 naming the field. Audited.
 */
export async function saveCrisisPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  body: CrisisPlanBody,
): Promise<CrisisPlan> {
  return auditedWrite(db, actor, { action: "update", entity: "crisis_plan" }, async (trx) => {
    const patient = await assertCareWriter(trx, p, patientId, body.siteId);
    const current = await trx
      .selectFrom("crisis_plans")
      .select(["id", "version"])
      .where("patient_id", "=", patientId)
      .forUpdate()
      .executeTakeFirst();
    const version = current?.version ?? 0;
    if (version !== body.baseVersion) throw staleVersion("crisis plan", version, body.baseVersion);
    const refs = whoRefs(body.actions, "body.actions");
    const issues = [
      ...careDateIssues("body.planDate", body.planDate, patient.birth_year, today()),
      ...notBeforePlan("body.reviewDate", body.reviewDate, body.planDate),
      ...(await referenceIssues(
        trx,
        body.siteId,
        [
          ...refs.services,
          ...body.contactServiceIds.map((serviceId, i) => ({
            serviceId,
            field: `body.contactServiceIds.${i}`,
          })),
        ],
        refs.professionals,
      )),
    ];
    if (issues.length) throw issuesError(issues);
    const before = await loadCrisisPlan(trx, patientId);
    const actions: StoredCrisisAction[] = body.actions.map((a) => ({ text: a.text, who: a.who }));
    const values = {
      site_id: body.siteId,
      plan_date: body.planDate,
      warning_signs: body.warningSigns,
      what_helps: body.whatHelps,
      actions: JSON.stringify(actions),
      contact_service_ids: body.contactServiceIds,
      review_date: body.reviewDate,
      version: version + 1,
      updated_by: p.userId,
      updated_at: new Date(),
    };
    if (current) await trx.updateTable("crisis_plans").set(values).where("id", "=", current.id).execute();
    else
      await trx
        .insertInto("crisis_plans")
        .values({ patient_id: patientId, ...values })
        .execute();
    const after = (await loadCrisisPlan(trx, patientId))!;
    return { result: after, entityId: after.id, siteId: body.siteId, before, after };
  });
}
