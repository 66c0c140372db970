import { sql } from "kysely";
import type { Executor } from "../../infra/db/executor.ts";
import { loadCurrent } from "../versions/repository.ts";
import type { TagsContent, TagT } from "./schemas.ts";

/** The programme's current SWOT tag vocabulary (empty before the first save). */
export async function loadTags(db: Executor, programmeId: number): Promise<TagT[]> {
  const current = await loadCurrent(db, { programmeId, kind: "swot_tags", siteId: null });
  return (current?.content as TagsContent | undefined)?.tags ?? [];
}

/** Which of `codes` the current SWOTs of the programme use, and where (site id, null = region). */
export async function tagUses(
  db: Executor,
  programmeId: number,
  codes: string[],
): Promise<Array<{ tag: string; siteId: number | null }>> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ tag: string; site_id: number | null }>`
    select distinct t.code as tag, a.site_id
    from planning_artefacts a
    join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
    cross join lateral jsonb_array_elements(v.content->'items') item
    cross join lateral jsonb_array_elements_text(item->'tags') t(code)
    where a.programme_id = ${programmeId} and a.kind = 'swot'
      and t.code in (${sql.join(codes)})
    order by t.code, a.site_id nulls first`.execute(db);
  return rows.map((r) => ({ tag: r.tag, siteId: r.site_id }));
}
