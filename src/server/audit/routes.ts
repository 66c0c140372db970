import { sql } from "kysely";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { verifyAuditChain } from "../infra/audit/verify.ts";
import { CivilDate } from "../shared/schemas.ts";

const AuditQuery = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: CivilDate.optional(),
  to: CivilDate.optional(),
  /** Return entries with seq below this (for paging backwards). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  siteId: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
  detail: z.unknown(),
  hash: z.string(),
});

/** The audit log, for administrators: browse and filter, newest first; verify the chain. */
export function registerAuditRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["audit"];

  app.get(
    "/api/audit",
    {
      schema: {
        tags,
        querystring: AuditQuery,
        response: {
          200: z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() }),
        },
      },
    },
    async (req) => {
      requireAdmin(req);
      const f = req.query;
      let q = db
        .selectFrom("audit_log")
        .selectAll()
        .orderBy("seq", "desc")
        .limit(f.limit + 1);
      if (f.actor) q = q.where("actor", "=", f.actor);
      if (f.action) q = q.where("action", "=", f.action);
      if (f.entity) q = q.where("entity", "=", f.entity);
      if (f.entityId) q = q.where("entity_id", "=", f.entityId);
      if (f.from) q = q.where("at", ">=", sql<Date>`${f.from}::date`);
      if (f.to) q = q.where("at", "<", sql<Date>`${f.to}::date + 1`);
      if (f.before) q = q.where("seq", "<", f.before);
      const rows = await q.execute();
      const page = rows.slice(0, f.limit);
      return {
        entries: page.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          siteId: r.site_id,
          programmeId: r.programme_id,
          detail: r.detail,
          hash: r.hash,
        })),
        nextBefore: rows.length > f.limit ? Number(page[page.length - 1]!.seq) : null,
      };
    },
  );

  app.get(
    "/api/audit/verify",
    {
      schema: {
        tags,
        summary: "Check the hash chain; reports the first broken link",
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().int(),
            brokenAt: z.number().int().optional(),
            reason: z.string().optional(),
            lastHash: z.string().optional(),
          }),
        },
      },
    },
    async (req) => {
      requireAdmin(req);
      return verifyAuditChain(db);
    },
  );
}
