import { sql } from "kysely";
import type { Executor } from "../../infra/db/executor.ts";
import type { LinkFacts } from "./link.ts";

export interface SiteLinkFacts extends LinkFacts {
  kind: string;
  siteId: number;
  /** The site's version that is its latest copy from the region (null: none). */
  copySiteVersion: number | null;
}

/**
 * The facts `regionLink` needs for every started site artefact of these kinds in the programme
 * (or of one site), in one query: the site's current version, its latest copy from the region
 * (which region version, whether the current content is still that copy's) and the region's
 * current version.
 */
export async function siteLinkFacts(
  db: Executor,
  programmeId: number,
  kinds: readonly string[],
  siteId: number | null = null,
): Promise<SiteLinkFacts[]> {
  if (kinds.length === 0) return [];
  const { rows } = await sql<{
    kind: string;
    site_id: number;
    site_version: number;
    copy_version: number | null;
    from_region_version: number | null;
    same_content: boolean | null;
    region_version: number;
  }>`
    select a.kind, a.site_id, a.current_version as site_version,
           c.version as copy_version, c.from_region_version, c.content = cur.content as same_content,
           coalesce(r.current_version, 0) as region_version
      from planning_artefacts a
      join planning_versions cur on cur.artefact_id = a.id and cur.version = a.current_version
      left join lateral (
        select v.version, v.from_region_version, v.content
          from planning_versions v
         where v.artefact_id = a.id and v.from_region_version is not null
         order by v.version desc
         limit 1
      ) c on true
      left join planning_artefacts r
        on r.programme_id = a.programme_id and r.kind = a.kind and r.site_id is null
       and r.questionnaire_id is null and r.round_id is null
     where a.programme_id = ${programmeId}
       and a.site_id is not null
       and a.kind in (${sql.join(kinds)})
       and a.current_version > 0
       and (${siteId}::integer is null or a.site_id = ${siteId})`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    siteId: r.site_id,
    siteVersion: r.site_version,
    copySiteVersion: r.copy_version,
    copy:
      r.from_region_version === null
        ? null
        : { regionVersion: r.from_region_version, sameContent: r.same_content === true },
    regionVersion: r.region_version,
  }));
}
