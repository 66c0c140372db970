import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams, Ok } from "../shared/schemas.ts";
import { deleteIntervention } from "./delete-intervention.ts";
import { interventionDefaults } from "./intervention-defaults.ts";
import { recordInterventions } from "./record-intervention.ts";
import {
  DefaultsQuery,
  Intervention,
  InterventionBatch,
  InterventionBody,
  InterventionDefaults,
  InterventionList,
} from "./schemas.ts";

/** Interventions: the fast form (one), the day form (a batch, all or nothing), defaults, delete. */
export function registerInterventionRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.get(
    "/api/interventions/defaults",
    { schema: { tags, querystring: DefaultsQuery, response: { 200: InterventionDefaults } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return interventionDefaults(db, p, req.query.siteId);
    },
  );

  app.post(
    "/api/interventions",
    { schema: { tags, body: InterventionBody, response: { 201: Intervention } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      const [created] = await recordInterventions(db, p, actorOf(p), [req.body], () => "body.");
      return reply.status(201).send(created!);
    },
  );

  app.post(
    "/api/interventions/batch",
    { schema: { tags, body: InterventionBatch, response: { 201: InterventionList } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      const items = await recordInterventions(db, p, actorOf(p), req.body.rows, (i) => `body.rows.${i}.`);
      return reply.status(201).send({ items });
    },
  );

  app.delete(
    "/api/interventions/:id",
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      const p = requireRegistryUser(req);
      await deleteIntervention(db, p, actorOf(p), req.params.id);
      return { ok: true as const };
    },
  );
}
