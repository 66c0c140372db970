import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ZodApp } from "../../context.ts";
import { canStartFromRegion, WHY } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import type { Db } from "../../infra/db/database.ts";
import { resolvePlanningReader } from "../programme-access.ts";
import type { Context } from "../versions/artefact-routes.ts";
import { diffSnapshots } from "../versions/diff.ts";
import { loadCurrent, loadVersion, type StoredVersion } from "../versions/repository.ts";
import { type CopyableSpec, regionOwner } from "./copy.ts";
import { regionLink } from "./link.ts";
import { siteLinkFacts } from "./links-query.ts";
import { RegionLinkView, TakeBody } from "./schemas.ts";
import { takeRegionVersion } from "./take.ts";

/**
 * At a site mount of an artefact a site may start from the region's (`spec.fromRegion`):
 * `GET …/sites/:siteId/from-region` (whether it follows the region, was edited, or the region is
 * newer, with both differences) and `POST …/sites/:siteId/from-region` (start from, or take, the
 * region's current version). See docs/planning.md, "Sites start from the region".
 */
export function registerFromRegionRoutes<C extends object>(
  app: ZodApp,
  db: Db,
  spec: CopyableSpec<C>,
  url: string,
  Params: z.ZodType,
  Document: z.ZodType,
  answer: (ctx: Context, canEdit: boolean, stored: StoredVersion | undefined) => Promise<unknown>,
) {
  const tags = ["planning"];
  const paramsOf = (req: FastifyRequest) => req.params as { programmeId: number; siteId: number };

  app.get(
    `${url}/from-region`,
    { schema: { tags, params: Params, response: { 200: RegionLinkView } } },
    async (req) => {
      const { programmeId, siteId } = paramsOf(req);
      const { principal, programme } = await resolvePlanningReader(db, req, programmeId, siteId);
      const owner = { programmeId, kind: spec.kind, siteId };
      const [facts, region] = await Promise.all([
        siteLinkFacts(db, programmeId, [spec.kind], siteId),
        loadCurrent(db, regionOwner(programmeId, spec.kind)),
      ]);
      const f = facts[0];
      const link = regionLink(f ?? { siteVersion: 0, copy: null, regionVersion: region?.version ?? 0 });
      const difference = async (from: StoredVersion | undefined, to: StoredVersion | undefined) =>
        from && to
          ? {
              fromVersion: from.version,
              toVersion: to.version,
              from: from.content,
              to: to.content,
              changes: diffSnapshots(from.content, to.content),
            }
          : null;
      const [copy, current, startedFrom] = await Promise.all([
        f?.copySiteVersion ? loadVersion(db, owner, f.copySiteVersion) : undefined,
        f ? loadCurrent(db, owner) : undefined,
        link.regionNewer && link.startedFrom !== null
          ? loadVersion(db, regionOwner(programmeId, spec.kind), link.startedFrom)
          : undefined,
      ]);
      return {
        ...link,
        siteVersion: f?.siteVersion ?? 0,
        automatic: spec.fromRegion.automatic,
        canTake: link.regionVersion > 0 && canStartFromRegion(principal, programme, siteId, !!f),
        local: await difference(copy, current),
        region: await difference(startedFrom, region),
      };
    },
  );

  app.post(
    `${url}/from-region`,
    { schema: { tags, params: Params, body: TakeBody, response: { 200: Document } } },
    async (req) => {
      const { programmeId, siteId } = paramsOf(req);
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        programmeId,
        siteId,
        (p, prog) => canStartFromRegion(p, prog, siteId, false),
        WHY.startFromRegion,
      );
      const mayReplace = canStartFromRegion(principal, programme, siteId, true);
      const stored = await takeRegionVersion(
        db,
        { actor: actorOf(principal), principal, programme },
        spec,
        siteId,
        req.body as z.infer<typeof TakeBody>,
        mayReplace,
      );
      const owner = { programmeId, kind: spec.kind, siteId };
      return answer({ db, owner, programme, principal }, mayReplace, stored);
    },
  );
}
