import { sql } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Db } from "../../infra/db/database.ts";
import type { RoadmapCompliance } from "./schemas.ts";

/**
 * Which sites of the programme have compiled their roadmap (saved, with at least one objective)
 * and which have not — the pilot asked 18 sites and got 14. One query over the programme's
 * sites and the region, each with its current roadmap if any.
 */
export async function roadmapCompliance(db: Db, programme: ProgrammeWithSites): Promise<RoadmapCompliance> {
  const { rows } = await sql<{
    site_id: number | null;
    version: number | null;
    objectives: number | null;
    saved_at: Date | string | null;
    saved_by: string | null;
  }>`
    with owners as (
      select null::integer as site_id
      union all
      select site_id from programme_sites where programme_id = ${programme.id}
    )
    select o.site_id, a.current_version as version,
      jsonb_array_length(v.content->'objectives') as objectives, v.created_at as saved_at, v.author as saved_by
    from owners o
    left join planning_artefacts a on a.programme_id = ${programme.id} and a.kind = 'roadmap'
      and a.site_id is not distinct from o.site_id
    left join planning_versions v on v.artefact_id = a.id and v.version = a.current_version`.execute(db);
  const of = (siteId: number | null) => {
    const r = rows.find((x) => x.site_id === siteId);
    const version = r?.version ?? 0;
    const objectives = r?.objectives ?? 0;
    return {
      compiled: version > 0 && objectives > 0,
      version,
      objectives,
      savedAt: r?.saved_at ? new Date(r.saved_at).toISOString() : null,
      savedBy: r?.saved_by ?? null,
    };
  };
  const sites = programme.sites.map((s) => ({ ...s, ...of(s.id) }));
  return {
    expected: sites.length,
    compiled: sites.filter((s) => s.compiled).length,
    region: of(null),
    sites,
    missing: sites.filter((s) => !s.compiled).map((s) => s.code),
  };
}
