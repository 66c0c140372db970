import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireThat } from "../core/access/guards.ts";
import { canManageSite, canReadSiteData } from "../core/access/roles.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { conflict, forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { IdParams, Ok } from "../shared/schemas.ts";
import { findSite } from "../structure/public.ts";
import {
  linkedUsernames,
  listProfessionals,
  lockProfessional,
  professionalRowToProfessional,
} from "./repository.ts";
import { Professional, ProfessionalBody, ProfessionalPatch, ProfessionalQuery } from "./schemas.ts";

const cannotManage =
  "only an administrator, the site's coordinator or a regional coordinator of a programme at the site may change its team";

/** A PostgreSQL foreign-key violation: something still refers to the row. */
const isStillReferenced = (err: unknown) => (err as { code?: unknown }).code === "23503";

/**
 * The professionals of a site; its implementation team is those with `inImplementationTeam`.
 * Read by whoever may read the site's data; changed by whoever may manage the site. Every write
 * is audited with its site.
 */
export function registerTeamRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["teams"];

  app.get(
    "/api/professionals",
    { schema: { tags, querystring: ProfessionalQuery, response: { 200: z.array(Professional) } } },
    async (req) => {
      const { siteId, teamOnly } = req.query;
      requireThat(
        req,
        (p) => canReadSiteData(p, siteId),
        "you may read the team only of a site you work with",
      );
      const [site, professionals] = await Promise.all([
        findSite(db, siteId),
        listProfessionals(db, siteId, teamOnly === "true"),
      ]);
      if (!site) throw notFound("site");
      return professionals;
    },
  );

  app.post(
    "/api/professionals",
    { schema: { tags, body: ProfessionalBody, response: { 201: Professional } } },
    async (req, reply) => {
      const body = req.body;
      const p = requireThat(req, (pr) => canManageSite(pr, body.siteId), cannotManage);
      const professional = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "professional" },
        async (trx) => {
          const [site, taken] = await Promise.all([
            findSite(trx, body.siteId),
            trx.selectFrom("professionals").select("id").where("code", "=", body.code).executeTakeFirst(),
          ]);
          if (!site) throw invalid("body.siteId", "reference", "no such site");
          if (taken) throw conflict(`a professional with code "${body.code}" already exists`, "body.code");
          const row = await trx
            .insertInto("professionals")
            .values({
              code: body.code,
              site_id: body.siteId,
              profile: body.profile,
              in_implementation_team: body.inImplementationTeam,
              team_coordinator: body.teamCoordinator,
              trained: body.trained,
              training_hours: body.trainingHours,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const after = professionalRowToProfessional(row);
          return { result: after, entityId: row.id, siteId: row.site_id, before: null, after };
        },
      );
      return reply.status(201).send(professional);
    },
  );

  app.patch(
    "/api/professionals/:id",
    { schema: { tags, params: IdParams, body: ProfessionalPatch, response: { 200: Professional } } },
    async (req) => {
      const p = principalOf(req);
      const patch = req.body;
      return auditedWrite(db, actorOf(p), { action: "update", entity: "professional" }, async (trx) => {
        const row = await lockProfessional(trx, req.params.id);
        if (!row) throw notFound("professional");
        if (!canManageSite(p, row.site_id)) throw forbidden(cannotManage);
        const before = professionalRowToProfessional(row);
        const merged = { ...before, ...definedOnly(patch) };
        if (merged.teamCoordinator && !merged.inImplementationTeam) {
          throw patch.inImplementationTeam === false
            ? invalid(
                "body.inImplementationTeam",
                "coordinator_in_team",
                "this professional coordinates the team: set teamCoordinator to false as well to take them out of it",
              )
            : invalid(
                "body.teamCoordinator",
                "coordinator_in_team",
                "a team coordinator must be in the implementation team",
              );
        }
        const updated = await trx
          .updateTable("professionals")
          .set({
            profile: patch.profile,
            in_implementation_team: patch.inImplementationTeam,
            team_coordinator: patch.teamCoordinator,
            trained: patch.trained,
            training_hours: patch.trainingHours,
          })
          .where("id", "=", row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const after = professionalRowToProfessional(updated);
        return { result: after, entityId: row.id, siteId: row.site_id, before, after };
      });
    },
  );

  app.delete(
    "/api/professionals/:id",
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      const p = principalOf(req);
      try {
        await auditedWrite(db, actorOf(p), { action: "delete", entity: "professional" }, async (trx) => {
          const row = await lockProfessional(trx, req.params.id);
          if (!row) throw notFound("professional");
          if (!canManageSite(p, row.site_id)) throw forbidden(cannotManage);
          const users = await linkedUsernames(trx, row.id);
          if (users.length)
            throw conflict(
              `professional ${row.code} is linked to the user account ${users.join(", ")}; unlink it from the account before deleting`,
            );
          await trx.deleteFrom("professionals").where("id", "=", row.id).execute();
          return {
            result: null,
            entityId: row.id,
            siteId: row.site_id,
            before: professionalRowToProfessional(row),
            after: null,
          };
        });
      } catch (err) {
        if (isStillReferenced(err))
          throw conflict(
            "this professional is still referenced by other records (e.g. interventions); it cannot be deleted",
          );
        throw err;
      }
      return { ok: true as const };
    },
  );
}

/** The fields of a PATCH body that were sent. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
