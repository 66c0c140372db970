import { sql } from "kysely";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireThat } from "../core/access/guards.ts";
import {
  canCreateProgrammeIn,
  canCreateProgrammes,
  canEditProgramme,
  canReadProgramme,
  coordinatedProgrammes,
  isAdmin,
} from "../core/access/roles.ts";
import { coordinatorRegions } from "../core/programme-scope.ts";
import { staleVersion } from "../core/stale-version.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { withoutStatementTimeout } from "../infra/db/database.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { IdParams } from "../shared/schemas.ts";
import { checkProgrammeReferences } from "./check-references.ts";
import {
  ParameterImpact,
  ParameterImpactBody,
  parameterImpact,
  recomputeFailure,
} from "./parameter-impact.ts";
import { loadProgramme, lockProgramme, replaceProgrammeLinks } from "./repository.ts";
import {
  Programme,
  ProgrammeBody,
  ProgrammeParameters,
  ProgrammeSummary,
  ProgrammeUpdate,
} from "./schemas.ts";
import { programmeSummaries } from "./summary-cache.ts";
import { checkTargets, dropTargetsOfRemovedSites, replaceTargets } from "./targets.ts";

/**
 * Programmes: a practice (at a given version) implemented at a set of sites of a region, with
 * phases, parameters, per-site enrolment targets and targets on any indicator. Everyone whom
 * `canReadProgramme` lets in reads one; administrators create them in any region, regional
 * coordinators in their own regions (and become the new programme's coordinator); administrators
 * and the programme's regional coordinators change them, with optimistic locking on `version`.
 */
export function registerProgrammeRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const tags = ["programmes"];
  const summaries = programmeSummaries(ctx);

  app.get(
    "/api/programmes",
    { schema: { tags, response: { 200: z.array(ProgrammeSummary) } } },
    async (req) => {
      const p = principalOf(req);
      const rows = await summaries(req, today());
      return rows.filter((r) => canReadProgramme(p, r)).map(({ siteIds: _siteIds, ...summary }) => summary);
    },
  );

  app.get(
    "/api/programmes/:id",
    { schema: { tags, params: IdParams, response: { 200: Programme } } },
    async (req) => {
      const p = principalOf(req);
      const programme = await loadProgramme(db, req.params.id);
      if (!programme) throw notFound("programme");
      if (!canReadProgramme(p, { id: programme.id, siteIds: programme.sites.map((s) => s.siteId) }))
        throw forbidden("you have no role in this programme or at its sites", "not_your_programme");
      return { ...programme, canEdit: canEditProgramme(p, programme.id) };
    },
  );

  app.post(
    "/api/programmes",
    { schema: { tags, body: ProgrammeBody, response: { 201: Programme } } },
    async (req, reply) => {
      const p = requireThat(
        req,
        canCreateProgrammes,
        "only an administrator or a regional coordinator may create a programme",
      );
      const body = req.body;
      const admin = isAdmin(p);
      const programme = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "programme" },
        async (trx) => {
          if (!admin) {
            const regions = await coordinatorRegions(trx, coordinatedProgrammes(p));
            if (!canCreateProgrammeIn(p, body.regionId, regions)) {
              const message =
                "a regional coordinator creates programmes only in the region of the programmes they coordinate";
              throw new AppError("forbidden", `body.regionId: ${message}`, [
                { field: "body.regionId", rule: "forbidden", message },
              ]);
            }
          }
          const taken = await trx
            .selectFrom("programmes")
            .select("id")
            .where("code", "=", body.code)
            .executeTakeFirst();
          if (taken) throw conflict(`a programme with code "${body.code}" already exists`, "body.code");
          const practiceVersion = await checkProgrammeReferences(trx, body, true);
          await checkTargets(trx, null, body.targets, new Set(body.sites.map((s) => s.siteId)));
          const row = await trx
            .insertInto("programmes")
            .values({
              code: body.code,
              name: body.name,
              region_id: body.regionId,
              practice_id: body.practiceId,
              practice_version: practiceVersion,
              parameters: JSON.stringify(body.parameters),
              updated_at: new Date(),
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          await replaceProgrammeLinks(trx, row.id, { phases: body.phases, sites: body.sites });
          await replaceTargets(trx, row.id, body.targets);
          if (!admin) {
            // The coordinator who creates a programme coordinates it (their session sees it at once:
            // the grant notifies every server's session cache, migration 0011).
            const grant = await trx
              .insertInto("user_roles")
              .values({
                user_id: p.userId,
                role: "regional_coordinator",
                programme_id: row.id,
                site_id: null,
              })
              .returning("id")
              .executeTakeFirstOrThrow();
            await audit(trx, actorOf(p), {
              action: "grant",
              entity: "user_role",
              entityId: grant.id,
              programmeId: row.id,
              detail: {
                before: null,
                after: { userId: p.userId, role: "regional_coordinator", programmeId: row.id },
                reason: "the regional coordinator who created the programme",
              },
            });
          }
          const after = (await loadProgramme(trx, row.id))!;
          return {
            result: { ...after, canEdit: true },
            entityId: row.id,
            programmeId: row.id,
            before: null,
            after,
          };
        },
      );
      return reply.status(201).send(programme);
    },
  );

  app.post(
    "/api/programmes/:id/parameter-impact",
    {
      schema: {
        tags,
        summary: "What saving these parameters or practice version would recompute, before saving",
        params: IdParams,
        body: ParameterImpactBody,
        response: { 200: ParameterImpact },
      },
    },
    async (req) => {
      const id = req.params.id;
      requireThat(
        req,
        (pr) => canEditProgramme(pr, id),
        "only an administrator or a regional coordinator of this programme may change it",
      );
      const impact = await parameterImpact(db, id, req.body);
      if (!impact) throw notFound("programme");
      return impact;
    },
  );

  app.patch(
    "/api/programmes/:id",
    { schema: { tags, params: IdParams, body: ProgrammeUpdate, response: { 200: Programme } } },
    async (req) => {
      const id = req.params.id;
      const p = requireThat(
        req,
        (pr) => canEditProgramme(pr, id),
        "only an administrator or a regional coordinator of this programme may change it",
      );
      const { baseVersion, ...change } = req.body;
      if (Object.values(change).every((v) => v === undefined))
        throw invalid("body", "empty", "send at least one field to change besides baseVersion");
      return auditedWrite(db, actorOf(p), { action: "update", entity: "programme" }, async (trx) => {
        // A change of practice version, sites or parameters recomputes the programme's facts.
        await withoutStatementTimeout(trx);
        const locked = await lockProgramme(trx, id);
        if (!locked) throw notFound("programme");
        if (locked.version !== baseVersion) throw staleVersion("programme", locked.version, baseVersion);
        if (change.practiceVersion !== undefined || change.sites !== undefined) {
          await checkProgrammeReferences(
            trx,
            {
              regionId: locked.region_id,
              practiceId: locked.practice_id,
              practiceVersion: change.practiceVersion,
              sites: change.sites,
            },
            false,
          );
        }
        // the targets name the sites the programme will have
        if (change.targets !== undefined) {
          const siteIds = change.sites
            ? change.sites.map((s) => s.siteId)
            : (
                await trx
                  .selectFrom("programme_sites")
                  .select("site_id")
                  .where("programme_id", "=", id)
                  .execute()
              ).map((r) => r.site_id);
          await checkTargets(trx, id, change.targets, new Set(siteIds));
        }
        const before = (await loadProgramme(trx, id))!;
        const parameters =
          change.parameters && ProgrammeParameters.parse({ ...before.parameters, ...change.parameters });
        try {
          // A change of what the indicator facts depend on recomputes them here (migration 0008).
          await trx
            .updateTable("programmes")
            .set({
              name: change.name,
              practice_version: change.practiceVersion,
              ...(parameters ? { parameters: JSON.stringify(parameters) } : {}),
              version: sql<number>`version + 1`,
              updated_at: new Date(),
            })
            .where("id", "=", id)
            .execute();
        } catch (err) {
          throw recomputeFailure(err) ?? err;
        }
        await replaceProgrammeLinks(trx, id, { phases: change.phases, sites: change.sites });
        if (change.targets !== undefined) await replaceTargets(trx, id, change.targets);
        else if (change.sites !== undefined) await dropTargetsOfRemovedSites(trx, id);
        const after = (await loadProgramme(trx, id))!;
        return { result: { ...after, canEdit: true }, entityId: id, programmeId: id, before, after };
      });
    },
  );
}
