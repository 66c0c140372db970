import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { enrolPatient, previewEligibility } from "./enrol-patient.ts";
import { EligibilityQuery, EligibilityResult, Enrolment, EnrolmentBody, EnrolmentPatch } from "./schemas.ts";
import { updateEnrolment } from "./update-enrolment.ts";

/** Enrolments: check eligibility, enrol (with an override reason when not eligible), change or end. */
export function registerEnrolmentRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.get(
    "/api/enrolments/eligibility",
    { schema: { tags, querystring: EligibilityQuery, response: { 200: EligibilityResult } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return previewEligibility(db, p, actorOf(p), req.query);
    },
  );

  app.post(
    "/api/enrolments",
    { schema: { tags, body: EnrolmentBody, response: { 201: Enrolment } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await enrolPatient(db, p, actorOf(p), req.body));
    },
  );

  app.patch(
    "/api/enrolments/:id",
    { schema: { tags, params: IdParams, body: EnrolmentPatch, response: { 200: Enrolment } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return updateEnrolment(db, p, actorOf(p), req.params.id, req.body);
    },
  );
}
