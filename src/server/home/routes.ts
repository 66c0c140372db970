import type { AppContext, ZodApp } from "../context.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { indicatorCache } from "../indicators/public.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { today } from "../infra/time/civil-date.ts";
import { assembleHome } from "./assemble-home.ts";
import { dataQualityCounts } from "./data-quality.ts";
import { DataQualityOverview, Home, IdParams, SiteDataQualityRecords } from "./schemas.ts";
import { homeScope } from "./scope.ts";
import { siteDataQuality } from "./site-data-quality.ts";
import type { TargetsReader } from "./targets.ts";

/**
 * The home page's items (`GET /api/home`, every signed-in user, scoped by scope.ts) and the
 * data-quality worklist: counts per site of the user's sites (`GET /api/data-quality`) and one
 * site's records (`GET /api/sites/:id/data-quality`, patient-level: viewers 403 `aggregates_only`,
 * other sites 403 `not_your_site`, the read audited with the patients it names).
 */
export function registerHomeRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const indicators = indicatorCache(ctx);
  const tags = ["home"];

  app.get(
    "/api/home",
    {
      schema: {
        tags,
        summary: "What needs doing now, for the signed-in user's roles",
        response: { 200: Home },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const targets: TargetsReader = (id, asOf, suppress) =>
        indicators.valuesWithTargets(req, id, asOf, suppress);
      return assembleHome(db, targets, p, actorOf(p));
    },
  );

  app.get(
    "/api/data-quality",
    {
      schema: {
        tags,
        summary: "Records to complete, counted per site of the user's sites",
        response: { 200: DataQualityOverview },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return { asOf: today(), sites: await dataQualityCounts(db, homeScope(p).qualitySites) };
    },
  );

  app.get(
    "/api/sites/:id/data-quality",
    {
      schema: {
        tags,
        summary: "One site's records to complete, with what each needs",
        params: IdParams,
        response: { 200: SiteDataQualityRecords },
      },
    },
    async (req) => {
      const p = requireRegistryUser(req);
      return siteDataQuality(db, p, req.params.id);
    },
  );
}
