import type { z } from "zod";
import { loadPatientOf } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import type { PlanHistory, PlanState } from "./schemas.ts";

/**
 * Every saved version of a plan, newest first, with who saved it and when — for anyone who sees
 * the patient (as the timeline shows all of a patient's plans). A plan imported without history
 * shows no versions. The read is audited.
 */
export async function planHistory(db: Db, p: Principal, actor: Actor, id: number): Promise<PlanHistory> {
  const plan = await db
    .selectFrom("treatment_plans")
    .select(["id", "patient_id", "site_id"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!plan) throw notFound("treatment plan");
  await loadPatientOf(db, p, plan.patient_id);
  const rows = await db
    .selectFrom("treatment_plan_history")
    .selectAll()
    .where("plan_id", "=", id)
    .orderBy("version", "desc")
    .execute();
  await audit(db, actor, {
    action: "read",
    entity: "treatment_plan",
    entityId: id,
    siteId: plan.site_id,
    detail: { patientId: plan.patient_id },
  });
  return {
    planId: id,
    versions: rows.map((r) => ({
      version: r.version,
      changedAt: new Date(r.changed_at).toISOString(),
      changedBy: r.changed_by,
      state: r.state as z.infer<typeof PlanState>,
    })),
  };
}
