import type { AppContext, ZodApp } from "../../context.ts";
import { requireRegistryUser } from "../../core/access/patients.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { PatientParams } from "../administrations/schemas.ts";
import { getImrSummary, saveImrSummary } from "./imr-summary.ts";
import { ImrSummary, ImrSummaryBody, ImrSummaryQuery } from "./schemas.ts";

/** The IMR summary form of a patient at a site (patient-level: viewers 403). */
export function registerImrSummaryRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.get(
    "/api/patients/:id/imr-summary",
    { schema: { tags, params: PatientParams, querystring: ImrSummaryQuery, response: { 200: ImrSummary } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return getImrSummary(db, p, actorOf(p), req.params.id, req.query.siteId);
    },
  );

  app.put(
    "/api/patients/:id/imr-summary",
    { schema: { tags, params: PatientParams, body: ImrSummaryBody, response: { 200: ImrSummary } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return saveImrSummary(db, p, actorOf(p), req.params.id, req.body);
    },
  );
}
