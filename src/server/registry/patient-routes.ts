import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { createPatient } from "./create-patient.ts";
import { getPatient } from "./get-patient.ts";
import { listPatients } from "./list-patients.ts";
import { patientTimeline } from "./patient-timeline.ts";
import {
  Patient,
  PatientBody,
  PatientDetail,
  PatientPage,
  PatientPatch,
  PatientQuery,
  Timeline,
} from "./schemas.ts";
import { updatePatient } from "./update-patient.ts";

/** Patients: register, list (visible ones only), read, correct, and the patient page. */
export function registerPatientRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.post(
    "/api/patients",
    { schema: { tags, body: PatientBody, response: { 201: Patient } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await createPatient(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/patients",
    { schema: { tags, querystring: PatientQuery, response: { 200: PatientPage } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return listPatients(db, p, actorOf(p), req.query);
    },
  );

  app.get(
    "/api/patients/:id",
    { schema: { tags, params: IdParams, response: { 200: PatientDetail } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return getPatient(db, p, actorOf(p), req.params.id);
    },
  );

  app.patch(
    "/api/patients/:id",
    { schema: { tags, params: IdParams, body: PatientPatch, response: { 200: Patient } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return updatePatient(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.get(
    "/api/patients/:id/timeline",
    { schema: { tags, params: IdParams, response: { 200: Timeline } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return patientTimeline(db, p, actorOf(p), req.params.id);
    },
  );
}
