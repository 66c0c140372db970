import type { AppContext, ZodApp } from "../context.ts";
import { assertSiteReadable, requireRegistryUser } from "../core/access/patients.ts";
import { indicatorCache } from "../indicators/public.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { assembleHome } from "./assemble-home.ts";
import { DATA_QUALITY_LIMIT, dataQualityCounts, dataQualityRecords } from "./data-quality.ts";
import { DataQualityOverview, Home, IdParams, SiteDataQualityRecords } from "./schemas.ts";
import { homeScope } from "./scope.ts";
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
      const site = await db
        .selectFrom("sites")
        .select(["id", "code", "name"])
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (!site) throw notFound("site");
      assertSiteReadable(p, site.id);
      const records = await dataQualityRecords(db, site);
      const patientIds = [
        ...new Set(Object.values(records).flatMap((l) => l.items.map((i) => i.patientId))),
      ].sort((a, b) => a - b);
      await audit(db, actorOf(p), {
        action: "read",
        entity: "data_quality",
        entityId: site.id,
        siteId: site.id,
        programmeId: null,
        detail: {
          totals: Object.fromEntries(Object.entries(records).map(([k, l]) => [k, l.total])),
          patientIds,
        },
      });
      return { site, limit: DATA_QUALITY_LIMIT, ...records };
    },
  );
}
