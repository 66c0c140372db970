import type { ProgrammeFigures } from "../../core/access/aggregates.ts";
import type { Db } from "../../infra/db/database.ts";
import { invalid } from "../../infra/http/errors.ts";
import { findScale } from "./scales/index.ts";
import type { Comparison } from "./schemas.ts";
import type { ReviewResult } from "./score-review.ts";

/**
 * The sites of a programme side by side on one scale — the data of a radar (level scores) and a
 * heat map (item consensus ratings): each site's latest review of the site as a whole, found in
 * one query (distinct on site). Site-level figures, no people: every reader of the programme.
 */
export async function compareSites(db: Db, access: ProgrammeFigures, scaleCode: string): Promise<Comparison> {
  const scale = findScale(scaleCode);
  if (!scale) throw invalid("querystring.scale", "unknown_scale", `"${scaleCode}" is not a fidelity scale`);
  const { programme } = access;
  const latest = await db
    .selectFrom("fidelity_reviews")
    .select(["id", "site_id", "review_date", "result"])
    .distinctOn("site_id")
    .where("programme_id", "=", programme.id)
    .where("scale", "=", scale.code)
    .where("professional_id", "is", null)
    .orderBy("site_id")
    .orderBy("review_date", "desc")
    .orderBy("id", "desc")
    .execute();
  const bySite = new Map(latest.map((r) => [r.site_id, r]));
  return {
    programmeId: programme.id,
    scale: scale.code,
    range: scale.range,
    items: scale.items.map((i) => ({ id: i.id, level: i.level, name: i.name })),
    sites: programme.sites.map((s) => {
      const r = bySite.get(s.id);
      const result = r?.result as ReviewResult | undefined;
      return {
        siteId: s.id,
        siteCode: s.code,
        siteName: s.name,
        reviewId: r?.id ?? null,
        reviewDate: r?.review_date ?? null,
        overall: result?.overall.score ?? null,
        band: result?.overall.band ?? null,
        levels: Object.fromEntries(
          scale.levels.map((l) => [l, result?.levels.find((x) => x.level === l)?.score ?? null]),
        ),
        items: Object.fromEntries(
          scale.items.map((i) => [i.id, result?.items.find((x) => x.id === i.id)?.mean ?? null]),
        ),
      };
    }),
  };
}
