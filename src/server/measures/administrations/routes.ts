import type { AppContext, ZodApp } from "../../context.ts";
import { requireRegistryUser } from "../../core/access/patients.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { listAdministrations } from "./list-administrations.ts";
import { recordAdministration } from "./record-administration.ts";
import {
  Administration,
  AdministrationBody,
  AdministrationList,
  AdministrationQuery,
  PatientParams,
} from "./schemas.ts";

/** Administrations of a patient: record (item-level or total-only) and list. Patient-level: viewers 403. */
export function registerAdministrationRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.post(
    "/api/patients/:id/administrations",
    { schema: { tags, params: PatientParams, body: AdministrationBody, response: { 201: Administration } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      const created = await recordAdministration(db, p, actorOf(p), req.params.id, req.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/patients/:id/administrations",
    {
      schema: {
        tags,
        params: PatientParams,
        querystring: AdministrationQuery,
        response: { 200: AdministrationList },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return { items: await listAdministrations(db, p, actorOf(p), req.params.id, req.query.instrument) };
    },
  );
}
