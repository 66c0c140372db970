import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireThat } from "../core/access/guards.ts";
import { canManageSite, canReadSiteData } from "../core/access/roles.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { notFound } from "../infra/http/errors.ts";
import { IdParams, Ok } from "../shared/schemas.ts";
import { findSite } from "../structure/public.ts";
import { addProfessional } from "./add-professional.ts";
import { cannotManage } from "./cannot-manage.ts";
import { deleteProfessional } from "./delete-professional.ts";
import { readStaffTurnover } from "./read-staff-turnover.ts";
import { listProfessionals } from "./repository.ts";
import {
  Professional,
  ProfessionalBody,
  ProfessionalPatch,
  ProfessionalQuery,
  StaffTurnover,
  TurnoverQuery,
} from "./schemas.ts";
import { updateProfessional } from "./update-professional.ts";

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

  app.get(
    "/api/sites/:id/staff-turnover",
    {
      schema: {
        tags,
        summary: "The site's staff turnover per year (leavers ÷ mean headcount), the current year to date",
        params: IdParams,
        querystring: TurnoverQuery,
        response: { 200: StaffTurnover },
      },
    },
    async (req) => {
      const siteId = req.params.id;
      requireThat(
        req,
        (p) => canReadSiteData(p, siteId),
        "you may read the staff turnover only of a site you work with",
      );
      if (!(await findSite(db, siteId))) throw notFound("site");
      return readStaffTurnover(db, siteId, req.query.years);
    },
  );

  app.post(
    "/api/professionals",
    { schema: { tags, body: ProfessionalBody, response: { 201: Professional } } },
    async (req, reply) => {
      const body = req.body;
      const p = requireThat(req, (pr) => canManageSite(pr, body.siteId), cannotManage);
      return reply.status(201).send(await addProfessional(db, p, body));
    },
  );

  app.patch(
    "/api/professionals/:id",
    { schema: { tags, params: IdParams, body: ProfessionalPatch, response: { 200: Professional } } },
    async (req) => {
      const p = principalOf(req);
      return updateProfessional(db, p, req.params.id, req.body);
    },
  );

  app.delete(
    "/api/professionals/:id",
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      const p = principalOf(req);
      await deleteProfessional(db, p, req.params.id);
      return { ok: true as const };
    },
  );
}
