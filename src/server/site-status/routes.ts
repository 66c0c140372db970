import type { AppContext, ZodApp } from "../context.ts";
import { coordinatedProgrammes } from "../core/access/roles.ts";
import { coordinatorRegions, resolveProgramme } from "../core/programme-scope.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { IdParams } from "../shared/schemas.ts";
import { canChangeSiteStatus, canReadRegionFunnel, canReadSiteStatus, WHY } from "./access.ts";
import { listSiteStatus } from "./list-site-status.ts";
import { readRegionFunnel } from "./read-region-funnel.ts";
import { recordStatusChange } from "./record-status-change.ts";
import {
  RegionFunnel,
  SiteStatusList,
  SiteStatusParams,
  SiteStatusRow,
  StatusChangeBody,
} from "./schemas.ts";

/** Sites' implementation status (issue 13, part 4) and the region's training-to-practice funnel. */
export function registerSiteStatusRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["site status"];
  const regionsOf = async (req: Parameters<typeof principalOf>[0]) =>
    coordinatorRegions(db, coordinatedProgrammes(principalOf(req)));

  app.get(
    "/api/programmes/:id/site-status",
    { schema: { tags, params: IdParams, response: { 200: SiteStatusList } } },
    async (req) => {
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        null,
        canReadSiteStatus,
        WHY.read,
      );
      const regions = await regionsOf(req);
      return listSiteStatus(db, programme, (siteId) =>
        canChangeSiteStatus(principal, programme, siteId, regions),
      );
    },
  );

  app.post(
    "/api/programmes/:id/sites/:siteId/status",
    { schema: { tags, params: SiteStatusParams, body: StatusChangeBody, response: { 201: SiteStatusRow } } },
    async (req, reply) => {
      const regions = await regionsOf(req);
      const { siteId } = req.params;
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        siteId,
        (p, prog) => canChangeSiteStatus(p, prog, siteId, regions),
        WHY.change,
      );
      const row = await recordStatusChange(db, actorOf(principal), programme, siteId, req.body);
      return reply.status(201).send({ ...row, canChange: true });
    },
  );

  app.get(
    "/api/programmes/:id/region-funnel",
    { schema: { tags, params: IdParams, response: { 200: RegionFunnel } } },
    async (req) => {
      const regions = await regionsOf(req);
      const { programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        null,
        (p, prog) => canReadRegionFunnel(p, prog, regions),
        WHY.funnel,
      );
      return readRegionFunnel(db, programme);
    },
  );
}
