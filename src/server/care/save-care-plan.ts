import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, issuesError, notFound } from "../infra/http/errors.ts";
import { careWriterSites, NOT_A_WRITER } from "./access.ts";
import { referenceIssues, whoRefs } from "./references.ts";
import { loadCarePlans, type StoredCareAction } from "./repository.ts";
import { carePlanIssues } from "./rules.ts";
import type { CarePlan, CarePlanBody } from "./schemas.ts";

/**
 * Save the content of a treatment plan (goals; actions with who, due date, status; review date)
 * as a new version. Written by the clinicians and site coordinators of the plan's site (403
 * otherwise). Optimistic locking: `baseVersion` is the content version read (0: none yet); a stale
 * one answers 409 and stores nothing. Every action serves a goal of the plan; dates are not
 * before the plan's date; a professional belongs to the site's team and a service is in the
 * site's region — each a 400 naming the field. Audited with before and after.
 */
export async function saveCarePlan(
  db: Db,
  p: Principal,
  actor: Actor,
  planId: number,
  body: CarePlanBody,
): Promise<CarePlan> {
  return auditedWrite(db, actor, { action: "update", entity: "care_plan_content" }, async (trx) => {
    const plan = await trx
      .selectFrom("treatment_plans")
      .select(["id", "patient_id", "site_id", "created_date"])
      .where("id", "=", planId)
      .forUpdate()
      .executeTakeFirst();
    if (!plan) throw notFound("treatment plan");
    if (!careWriterSites(p).includes(plan.site_id)) throw forbidden(NOT_A_WRITER, "not_your_site");
    const current = await trx
      .selectFrom("care_plan_contents")
      .select("version")
      .where("plan_id", "=", planId)
      .executeTakeFirst();
    const version = current?.version ?? 0;
    if (version !== body.baseVersion) throw staleVersion("care plan", version, body.baseVersion);
    const refs = whoRefs(body.actions, "body.actions");
    const issues = [
      ...carePlanIssues(body, plan.created_date),
      ...(await referenceIssues(trx, plan.site_id, refs.services, refs.professionals)),
    ];
    if (issues.length) throw issuesError(issues);
    const before = (await loadCarePlans(trx, plan.patient_id, [plan.site_id])).find(
      (c) => c.planId === planId,
    );
    const actions: StoredCareAction[] = body.actions.map((a) => ({
      text: a.text,
      goal: a.goal,
      who: a.who,
      dueDate: a.dueDate,
      status: a.status,
    }));
    const values = {
      goals: JSON.stringify(body.goals),
      actions: JSON.stringify(actions),
      review_date: body.reviewDate,
      version: version + 1,
      updated_by: p.userId,
      updated_at: new Date(),
    };
    if (current)
      await trx.updateTable("care_plan_contents").set(values).where("plan_id", "=", planId).execute();
    else
      await trx
        .insertInto("care_plan_contents")
        .values({ plan_id: planId, ...values })
        .execute();
    const after = (await loadCarePlans(trx, plan.patient_id, [plan.site_id])).find(
      (c) => c.planId === planId,
    )!;
    return { result: after, entityId: planId, siteId: plan.site_id, before: before ?? null, after };
  });
}
