import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { staleVersion } from "../core/stale-version.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { AppError, conflict, notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { definitionIssues } from "./definition-rules.ts";
import { findPractice, listPractices, listPracticeVersions, lockPractice } from "./repository.ts";
import { Practice, PracticeBody, PracticeSummary, PracticeUpdate, PracticeVersion } from "./schemas.ts";

/** Refuse a definition whose codes collide, naming every offending field. */
function assertDefinitionValid(definition: Parameters<typeof definitionIssues>[0]): void {
  const issues = definitionIssues(definition, "body.definition");
  if (issues.length)
    throw new AppError("validation", issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);
}

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
      const { code, name, definition } = req.body;
      assertDefinitionValid(definition);
      const practice = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "practice" },
        async (trx) => {
          const taken = await trx
            .selectFrom("practices")
            .select("id")
            .where("code", "=", code)
            .executeTakeFirst();
          if (taken) throw conflict(`a practice with code "${code}" already exists`, "body.code");
          const row = await trx
            .insertInto("practices")
            .values({ code, name, current_version: 1 })
            .returning("id")
            .executeTakeFirstOrThrow();
          await trx
            .insertInto("practice_versions")
            .values({
              practice_id: row.id,
              version: 1,
              definition: JSON.stringify(definition),
              created_by: p.userId,
            })
            .execute();
          const after = (await findPractice(trx, row.id))!;
          return { result: after, entityId: row.id, before: null, after };
        },
      );
      return reply.status(201).send(practice);
    },
  );

  app.put(
    "/api/practices/:id",
    { schema: { tags, params: IdParams, body: PracticeUpdate, response: { 200: Practice } } },
    async (req) => {
      const p = requireAdmin(req);
      const { name, definition, baseVersion } = req.body;
      return auditedWrite(db, actorOf(p), { action: "update", entity: "practice" }, async (trx) => {
        const locked = await lockPractice(trx, req.params.id);
        if (!locked) throw notFound("practice");
        if (locked.current_version !== baseVersion)
          throw staleVersion("practice", locked.current_version, baseVersion);
        assertDefinitionValid(definition);
        const before = (await findPractice(trx, locked.id))!;
        const version = locked.current_version + 1;
        await trx
          .insertInto("practice_versions")
          .values({
            practice_id: locked.id,
            version,
            definition: JSON.stringify(definition),
            created_by: p.userId,
          })
          .execute();
        await trx
          .updateTable("practices")
          .set({ current_version: version, ...(name === undefined ? {} : { name }) })
          .where("id", "=", locked.id)
          .execute();
        const after = (await findPractice(trx, locked.id))!;
        return { result: after, entityId: locked.id, before, after };
      });
    },
  );
}
