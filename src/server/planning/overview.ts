import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { canReadPlanning } from "../core/access/planning.ts";
import { FROM_REGION_KINDS } from "./from-region/kinds.ts";
import { regionLink } from "./from-region/link.ts";
import { siteLinkFacts } from "./from-region/links-query.ts";
import { OverviewLink } from "./from-region/schemas.ts";
import { resolvePlanningReader } from "./programme-access.ts";
import { ProgrammeParams } from "./schemas.ts";
import { artefactsAtCurrentVersion } from "./versions/repository.ts";

const Entry = z.object({
  kind: z.string(),
  siteId: z.number().int().nullable(),
  questionnaireId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  /** For a site's artefact that may start from the region's: where it stands towards it. */
  fromRegion: OverviewLink.nullable(),
});

/**
 * GET …/planning: every saved artefact of the programme the caller may read (kind, owner,
 * current version, who saved it when, and for a site's copy of the region's whether it still
 * follows it), in two queries — the web's planning home page.
 */
export function registerPlanningOverview(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  app.get(
    "/api/programmes/:programmeId/planning",
    { schema: { tags: ["planning"], params: ProgrammeParams, response: { 200: z.array(Entry) } } },
    async (req) => {
      const { principal, programme } = await resolvePlanningReader(db, req, req.params.programmeId, null);
      const [rows, facts] = await Promise.all([
        artefactsAtCurrentVersion(db)
          .select([
            "a.kind",
            "a.site_id",
            "a.questionnaire_id",
            "a.round_id",
            "a.current_version",
            "v.created_at",
            "v.author",
          ])
          .where("a.programme_id", "=", programme.id)
          .orderBy("a.kind")
          .orderBy("a.site_id", (o) => o.nullsFirst())
          .orderBy("a.id")
          .execute(),
        siteLinkFacts(db, programme.id, FROM_REGION_KINDS),
      ]);
      const links = new Map(facts.map((f) => [`${f.kind}:${f.siteId}`, regionLink(f)]));
      return rows
        .filter(
          (r) =>
            (r.site_id === null || programme.siteIds.includes(r.site_id)) &&
            canReadPlanning(principal, programme, r.site_id),
        )
        .map((r) => ({
          kind: r.kind,
          siteId: r.site_id,
          questionnaireId: r.questionnaire_id,
          roundId: r.round_id,
          version: r.current_version,
          savedAt: new Date(r.created_at).toISOString(),
          savedBy: r.author,
          fromRegion: (r.site_id !== null && links.get(`${r.kind}:${r.site_id}`)) || null,
        }));
    },
  );
}
