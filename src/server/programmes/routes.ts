import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireThat } from "../core/access/guards.ts";
import { canCreateProgrammes, canEditProgramme, canReadProgramme } from "../core/access/roles.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { IdParams } from "../shared/schemas.ts";
import { createProgramme } from "./create-programme.ts";
import { ParameterImpact, ParameterImpactBody, parameterImpact } from "./parameter-impact.ts";
import { loadProgramme } from "./repository.ts";
import { Programme, ProgrammeBody, ProgrammeSummary, ProgrammeUpdate } from "./schemas.ts";
import { programmeSummaries } from "./summary-cache.ts";
import { updateProgramme } from "./update-programme.ts";

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
      return reply.status(201).send(await createProgramme(db, p, req.body));
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
      return updateProgramme(db, p, id, req.body);
    },
  );
}
