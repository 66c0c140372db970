import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { IdParams } from "../shared/schemas.ts";
import { listSharedPlans } from "./list-shared-plans.ts";
import { readPatientCare } from "./read-patient-care.ts";
import { readSharedPlan } from "./read-shared-plan.ts";
import { recordConsent } from "./record-consent.ts";
import { saveCarePlan } from "./save-care-plan.ts";
import { saveCrisisPlan } from "./save-crisis-plan.ts";
import {
  CarePlan,
  CarePlanBody,
  Consent,
  ConsentBody,
  CrisisPlan,
  CrisisPlanBody,
  PatientCare,
  SharedPatient,
  SharedPlan,
  WithdrawBody,
} from "./schemas.ts";
import { withdrawConsent } from "./withdraw-consent.ts";

/**
 * Integrated care records, part A (issue 13, part 3): consent to share information, the content
 * of care plans, crisis plans, and the shared read by the services a patient consented to.
 * Registry users read the section through the registry's patient scope; clinicians and site
 * coordinators of the patient's sites write (access.ts); another service reads the plans only
 * while a current consent names it (read-shared-plan.ts). Every read and write is audited.
 */
export function registerCareRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["care"];

  /**
   * A write to the record named by the URL's id, by a registry user, answered 200 with what
   * `write` returns (the use case checks the patient's access and audits).
   */
  function recordWrite<B extends z.ZodType, R extends z.ZodType>(
    method: "POST" | "PUT",
    url: string,
    summary: string,
    body: B,
    response: R,
    write: (db: Db, p: Principal, actor: Actor, id: number, body: z.infer<B>) => Promise<z.infer<R>>,
  ): void {
    app.route({
      method,
      url,
      schema: {
        tags,
        summary,
        params: IdParams,
        body: body as z.ZodType,
        response: { 200: response as z.ZodType },
      },
      handler: async (req) => {
        const p = requireRegistryUser(req);
        return write(db, p, actorOf(p), req.params.id, req.body as z.infer<B>);
      },
    });
  }

  app.get(
    "/api/patients/:id/care",
    {
      schema: {
        tags,
        summary: "A patient's consents, care plan content and crisis plan (registry scope)",
        params: IdParams,
        response: { 200: PatientCare },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return readPatientCare(db, p, actorOf(p), req.params.id);
    },
  );

  app.post(
    "/api/patients/:id/consents",
    {
      schema: {
        tags,
        summary: "Record consent to share information with a directory service",
        params: IdParams,
        body: ConsentBody,
        response: { 201: Consent },
      },
    },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordConsent(db, p, actorOf(p), req.params.id, req.body));
    },
  );

  recordWrite(
    "POST",
    "/api/consents/:id/withdraw",
    "Withdraw a consent (kept in the history)",
    WithdrawBody,
    Consent,
    withdrawConsent,
  );

  recordWrite(
    "PUT",
    "/api/treatment-plans/:id/content",
    "Save a care plan's goals and actions (baseVersion: the content version read, 0 for none)",
    CarePlanBody,
    CarePlan,
    saveCarePlan,
  );

  recordWrite(
    "PUT",
    "/api/patients/:id/crisis-plan",
    "Save the patient's crisis plan (baseVersion: the version read, 0 to create it)",
    CrisisPlanBody,
    CrisisPlan,
    saveCrisisPlan,
  );

  app.get(
    "/api/care/shared",
    {
      schema: {
        tags,
        summary: "Patients whose current consent names a service linked to one of your sites",
        response: { 200: z.array(SharedPatient) },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return listSharedPlans(db, p, actorOf(p));
    },
  );

  app.get(
    "/api/care/shared/patients/:id",
    {
      schema: {
        tags,
        summary:
          "A patient's shared care and crisis plans, read by a consented service (403 no_consent otherwise)",
        params: IdParams,
        response: { 200: SharedPlan },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return readSharedPlan(db, p, actorOf(p), req.params.id);
    },
  );
}
