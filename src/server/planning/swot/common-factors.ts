import { sql } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Db } from "../../infra/db/database.ts";
import { type CommonFactors, dimensionOf, type Quadrant } from "./schemas.ts";
import { loadTags } from "./tags-repository.ts";

/**
 * The common factors of a programme's local SWOTs: for each tag × quadrant, how many of the
 * programme's sites named it (a site naming it twice counts once) and which, and whether the
 * regional SWOT names it too. One set-based query over the current version of every SWOT.
 */
export async function commonFactors(db: Db, programme: ProgrammeWithSites): Promise<CommonFactors> {
  const [{ rows }, withSwot, tags] = await Promise.all([
    sql<{ tag: string; quadrant: Quadrant; site_count: number; site_ids: number[]; in_regional: boolean }>`
      select t.code as tag, item->>'quadrant' as quadrant,
        count(distinct a.site_id)::int as site_count,
        coalesce(array_agg(distinct a.site_id) filter (where a.site_id is not null), '{}') as site_ids,
        bool_or(a.site_id is null) as in_regional
      from planning_artefacts a
      join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
      cross join lateral jsonb_array_elements(v.content->'items') item
      cross join lateral jsonb_array_elements_text(item->'tags') t(code)
      where a.programme_id = ${programme.id} and a.kind = 'swot'
        and (a.site_id is null or exists (
          select 1 from programme_sites ps where ps.programme_id = a.programme_id and ps.site_id = a.site_id))
      group by t.code, item->>'quadrant'
      order by site_count desc, t.code, item->>'quadrant'`.execute(db),
    db
      .selectFrom("planning_artefacts as a")
      .innerJoin("programme_sites as ps", (j) =>
        j.onRef("ps.programme_id", "=", "a.programme_id").onRef("ps.site_id", "=", "a.site_id"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("a.programme_id", "=", programme.id)
      .where("a.kind", "=", "swot")
      .where("a.current_version", ">", 0)
      .executeTakeFirstOrThrow(),
    loadTags(db, programme.id),
  ]);
  const byCode = new Map(tags.map((t) => [t.code, t]));
  const siteById = new Map(programme.sites.map((s) => [s.id, s]));
  return {
    sitesInProgramme: programme.sites.length,
    sitesWithSwot: Number(withSwot.n),
    factors: rows.map((r) => ({
      tag: r.tag,
      label: byCode.get(r.tag)?.label ?? r.tag,
      cfirDomain: byCode.get(r.tag)?.cfirDomain ?? null,
      quadrant: r.quadrant,
      dimension: dimensionOf(r.quadrant),
      siteCount: r.site_count,
      sites: (r.site_ids ?? []).map((id) => siteById.get(id)!).filter(Boolean),
      inRegional: r.in_regional,
    })),
  };
}
