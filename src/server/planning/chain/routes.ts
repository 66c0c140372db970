import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { canEditChain } from "../../core/access/planning.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { Ok } from "../../shared/schemas.ts";
import { resolveChainEditor, resolvePlanningReader } from "../programme-access.ts";
import { ProgrammeParams } from "../schemas.ts";
import { addChainLink } from "./add-link.ts";
import { readChain } from "./read-chain.ts";
import { removeChainLink } from "./remove-link.ts";
import { ChainQuery, ChainView, LinkBody, LinkParams, SiteLinkParams, SiteParams } from "./schemas.ts";

/**
 * The traceable chain of a plan at the region or a site (issue 13, part 7):
 * `GET chain/region|sites/:siteId` (`?focus=kind:key` follows it from one element both ways),
 * `POST …/links` and `DELETE …/links/:linkId` for the stored links. Whoever reads the scope's
 * artefacts reads its chain; the programme's coordinators and administrators edit the links.
 */
export function registerChainRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["planning"];
  const base = "/api/programmes/:programmeId/planning/chain";
  const siteOf = (p: object) => ("siteId" in p && typeof p.siteId === "number" ? p.siteId : null);

  for (const [mount, params, linkParams] of [
    ["region", ProgrammeParams, LinkParams],
    ["sites/:siteId", SiteParams, SiteLinkParams],
  ] as const) {
    app.get(
      `${base}/${mount}`,
      { schema: { tags, params, querystring: ChainQuery, response: { 200: ChainView } } },
      async (req) => {
        const siteId = siteOf(req.params);
        const { principal, programme } = await resolvePlanningReader(db, req, req.params.programmeId, siteId);
        return readChain(db, programme.id, siteId, canEditChain(principal, programme), req.query.focus);
      },
    );

    app.post(
      `${base}/${mount}/links`,
      { schema: { tags, params, body: LinkBody, response: { 201: z.object({ id: z.number().int() }) } } },
      async (req, reply) => {
        const siteId = siteOf(req.params);
        const { principal, programme } = await resolveChainEditor(db, req, req.params.programmeId, siteId);
        const id = await addChainLink(db, actorOf(principal), programme.id, siteId, req.body);
        return reply.status(201).send({ id });
      },
    );

    app.delete(
      `${base}/${mount}/links/:linkId`,
      { schema: { tags, params: linkParams, response: { 200: Ok } } },
      async (req) => {
        const siteId = siteOf(req.params);
        const { principal, programme } = await resolveChainEditor(db, req, req.params.programmeId, siteId);
        await removeChainLink(db, actorOf(principal), programme.id, siteId, req.params.linkId);
        return { ok: true as const };
      },
    );
  }
}
