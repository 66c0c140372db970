import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { createPractice } from "./create-practice.ts";
import { findPractice, listPractices, listPracticeVersions } from "./repository.ts";
import { Practice, PracticeBody, PracticeSummary, PracticeUpdate, PracticeVersion } from "./schemas.ts";
import { updatePractice } from "./update-practice.ts";

/**
 * Practices: what a programme implements (components, modules, eligibility, its own intervention
 * types). Versioned data: saving a definition adds a version and never rewrites an old one, so a
 * programme keeps pointing at the version it implements. Every signed-in user reads them; only
 * administrators change them.
 */
export function registerPracticeRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["practices"];

  app.get(
    "/api/practices",
    { schema: { tags, response: { 200: z.array(PracticeSummary) } } },
    async (req) => {
      principalOf(req);
      return listPractices(db);
    },
  );

  app.get(
    "/api/practices/:id",
    { schema: { tags, params: IdParams, response: { 200: Practice } } },
    async (req) => {
      principalOf(req);
      const practice = await findPractice(db, req.params.id);
      if (!practice) throw notFound("practice");
      return practice;
    },
  );

  app.get(
    "/api/practices/:id/versions",
    { schema: { tags, params: IdParams, response: { 200: z.array(PracticeVersion) } } },
    async (req) => {
      principalOf(req);
      const versions = await listPracticeVersions(db, req.params.id);
      if (versions.length === 0) throw notFound("practice");
      return versions;
    },
  );

  app.post(
    "/api/practices",
    { schema: { tags, body: PracticeBody, response: { 201: Practice } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      return reply.status(201).send(await createPractice(db, p, req.body));
    },
  );

  app.put(
    "/api/practices/:id",
    { schema: { tags, params: IdParams, body: PracticeUpdate, response: { 200: Practice } } },
    async (req) => {
      const p = requireAdmin(req);
      return updatePractice(db, p, req.params.id, req.body);
    },
  );
}
