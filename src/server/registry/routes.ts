import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { registerEnrolmentRoutes } from "./enrolment-routes.ts";
import { registerGroupRoutes } from "./group-routes.ts";
import { registerInterventionRoutes } from "./intervention-routes.ts";
import { registerPatientRoutes } from "./patient-routes.ts";
import { registerPlanRoutes } from "./plan-routes.ts";
import { WorklistQuery, Worklists } from "./schemas.ts";
import { siteWorklists } from "./site-worklists.ts";

/**
 * The care-delivery registry: patients, enrolments, interventions, groups, treatment plans, the
 * patient page and site worklists. Every endpoint is patient-level: viewers get 403; the others
 * read the patients the patient-scope predicate lets them see and write at their own sites. Every
 * read is audited, every write is audited with before and after in its own transaction.
 */
export function registerRegistryRoutes(app: ZodApp, ctx: AppContext): void {
  registerPatientRoutes(app, ctx);
  registerEnrolmentRoutes(app, ctx);
  registerInterventionRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
  registerPlanRoutes(app, ctx);

  const { db } = ctx.database;
  app.get(
    "/api/sites/:id/worklists",
    {
      schema: {
        tags: ["registry"],
        params: IdParams,
        querystring: WorklistQuery,
        response: { 200: Worklists },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return siteWorklists(db, p, actorOf(p), req.params.id, req.query.programmeId);
    },
  );
}
