import type { Selectable, Transaction } from "kysely";
import type { z } from "zod";
import { assertSiteWritable, loadPatientsFor } from "../core/access/patients.ts";
import { loadWritablePatient } from "../core/access/writable-patient.ts";
import { careDateIssues } from "../core/care-dates.ts";
import { CODE_PREFIX, generateCode } from "../core/codes.ts";
import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB, TreatmentPlanTable } from "../infra/db/schema.ts";
import { type FieldIssue, issuesError, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { planRowToPlan, planRowToState } from "./repository.ts";
import type { PlanBody, PlanPatch, TreatmentPlan } from "./schemas.ts";

type PlanOut = z.infer<typeof TreatmentPlan>;

function dateIssues(createdDate: string, sharedDate: string | null, birthYear: number): FieldIssue[] {
  const now = today();
  const issues = careDateIssues("body.createdDate", createdDate, birthYear, now);
  if (sharedDate !== null) {
    if (sharedDate > now)
      issues.push({
        field: "body.sharedWithPatientDate",
        rule: "future",
        message: `${sharedDate} is in the future`,
      });
    else if (sharedDate < createdDate)
      issues.push({
        field: "body.sharedWithPatientDate",
        rule: "before_created",
        message: "must be on or after the date the plan was created",
      });
  }
  return issues;
}

/** Append the plan's saved state to its history, as the version it now has. */
async function appendHistory(trx: Transaction<DB>, row: Selectable<TreatmentPlanTable>, actor: Actor) {
  await trx
    .insertInto("treatment_plan_history")
    .values({
      plan_id: row.id,
      version: row.version,
      changed_by: actor.name,
      state: JSON.stringify(planRowToState(row)),
    })
    .execute();
}

/** Create an individual treatment plan (version 1, kept in its history) at a site the user records for. */
export async function createTreatmentPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  body: PlanBody,
): Promise<PlanOut> {
  return auditedWrite(db, actor, { action: "create", entity: "treatment_plan" }, async (trx) => {
    const patient = await loadWritablePatient(trx, p, body);
    const shared = body.sharedWithPatientDate ?? null;
    const issues = dateIssues(body.createdDate, shared, patient.birth_year);
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("treatment_plans")
      .values({
        code: generateCode(CODE_PREFIX.plan),
        patient_id: body.patientId,
        site_id: body.siteId,
        created_date: body.createdDate,
        shared_with_patient_date: shared,
        signed_by_patient: body.signedByPatient,
        shared_with_social_services: body.sharedWithSocialServices,
        shared_with_work_inclusion: body.sharedWithWorkInclusion,
        integrated_actions_started: body.integratedActionsStarted,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendHistory(trx, row, actor);
    const plan = planRowToPlan(row);
    return { result: plan, entityId: row.id, siteId: row.site_id, before: null, after: plan };
  });
}

/**
 * Save a new state of a plan. Optimistic locking: the client sends the version it read; if
 * someone saved meanwhile, 409 `stale_version` and nothing is stored. Each save is a new version
 * in the history, with who saved it.
 */
export async function updateTreatmentPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: PlanPatch,
): Promise<PlanOut> {
  return auditedWrite(db, actor, { action: "update", entity: "treatment_plan" }, async (trx) => {
    const before = await trx
      .selectFrom("treatment_plans")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("treatment plan");
    assertSiteWritable(p, before.site_id);
    const patient = (
      await loadPatientsFor(trx, p, [{ patientId: before.patient_id, field: "patientId" }])
    ).get(before.patient_id)!;
    if (before.version !== body.baseVersion)
      throw staleVersion("treatment plan", before.version, body.baseVersion);
    const next = {
      created_date: body.createdDate ?? before.created_date,
      shared_with_patient_date:
        body.sharedWithPatientDate === undefined
          ? before.shared_with_patient_date
          : body.sharedWithPatientDate,
      signed_by_patient: body.signedByPatient ?? before.signed_by_patient,
      shared_with_social_services: body.sharedWithSocialServices ?? before.shared_with_social_services,
      shared_with_work_inclusion: body.sharedWithWorkInclusion ?? before.shared_with_work_inclusion,
      integrated_actions_started: body.integratedActionsStarted ?? before.integrated_actions_started,
      version: before.version + 1,
    };
    const issues = dateIssues(next.created_date, next.shared_with_patient_date, patient.birth_year);
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .updateTable("treatment_plans")
      .set(next)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendHistory(trx, row, actor);
    return {
      result: planRowToPlan(row),
      entityId: id,
      siteId: row.site_id,
      before: planRowToPlan(before),
      after: planRowToPlan(row),
    };
  });
}
