import type { AppContext, ZodApp } from "../../context.ts";
import { openAggregate } from "../../core/access/aggregates.ts";
import { requireRegistryUser } from "../../core/access/patients.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { PatientParams } from "../administrations/schemas.ts";
import { imrsComparison } from "./imrs-comparison.ts";
import { imrsCorrelation } from "./imrs-correlation.ts";
import { patientOutcomes } from "./patient-outcomes.ts";
import { programmeOutcomes } from "./programme-outcomes.ts";
import {
  ImrsComparison,
  ImrsCorrelation,
  PatientOutcomes,
  ProgrammeOutcomes,
  ProgrammeOutcomesQuery,
  ProgrammeParams,
} from "./schemas.ts";

/** Outcomes: a patient's scores over time and IMRS comparison (patient-level), programme views (aggregates). */
export function registerOutcomeRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.get(
    "/api/patients/:id/outcomes",
    { schema: { tags, params: PatientParams, response: { 200: PatientOutcomes } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return patientOutcomes(db, p, actorOf(p), req.params.id);
    },
  );

  app.get(
    "/api/patients/:id/imrs-comparison",
    { schema: { tags, params: PatientParams, response: { 200: ImrsComparison } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return imrsComparison(db, p, actorOf(p), req.params.id);
    },
  );

  app.get(
    "/api/programmes/:id/outcomes",
    {
      schema: {
        tags,
        params: ProgrammeParams,
        querystring: ProgrammeOutcomesQuery,
        response: { 200: ProgrammeOutcomes },
      },
    },
    async (req) => {
      const access = await openAggregate(db, req, req.params.id);
      return programmeOutcomes(db, access, req.query.instrument, req.query.respondent);
    },
  );

  app.get(
    "/api/programmes/:id/imrs-correlation",
    { schema: { tags, params: ProgrammeParams, response: { 200: ImrsCorrelation } } },
    async (req) => {
      const access = await openAggregate(db, req, req.params.id);
      return imrsCorrelation(db, access);
    },
  );
}
