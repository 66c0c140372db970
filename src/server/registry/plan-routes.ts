import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { planHistory } from "./plan-history.ts";
import { createTreatmentPlan, updateTreatmentPlan } from "./save-treatment-plan.ts";
import { PlanBody, PlanHistory, PlanPatch, TreatmentPlan } from "./schemas.ts";

/** Individual treatment plans: create, save a new version (optimistic locking), read the history. */
export function registerPlanRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.post(
    "/api/treatment-plans",
    { schema: { tags, body: PlanBody, response: { 201: TreatmentPlan } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await createTreatmentPlan(db, p, actorOf(p), req.body));
    },
  );

  app.patch(
    "/api/treatment-plans/:id",
    { schema: { tags, params: IdParams, body: PlanPatch, response: { 200: TreatmentPlan } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return updateTreatmentPlan(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.get(
    "/api/treatment-plans/:id/history",
    { schema: { tags, params: IdParams, response: { 200: PlanHistory } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return planHistory(db, p, actorOf(p), req.params.id);
    },
  );
}
