import { sql } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { inList } from "./in-list.ts";
import type { OverdueActivity } from "./schemas.ts";

/** The home page shows at most this many overdue activities (the longest overdue first). */
export const OVERDUE_LIMIT = 15;

type Item = z.infer<typeof OverdueActivity>;

/**
 * Overdue activities (action-plan/overdue.ts: ended before today, neither done nor dropped) of
 * the current action plans: every plan (region and sites) of `programmes`, and the site plans of
 * `sites`. One statement over the plans' current versions; the total counts them all.
 */
export async function overdueActivities(
  db: Executor,
  scope: { programmes: "all" | number[]; sites: number[] },
  today: string,
): Promise<{ total: number; items: Item[] }> {
  const { rows } = await sql<{
    programme_id: number;
    programme_code: string;
    site_id: number | null;
    site_code: string | null;
    activity_id: string;
    title: string;
    end: string;
    status: Item["status"];
    total: number;
  }>`
    with overdue as (
      select a.programme_id, pr.code as programme_code, a.site_id, s.code as site_code,
        act->>'id' as activity_id, act->>'title' as title, act->>'end' as "end", act->>'status' as status
      from planning_artefacts a
      join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
      join programmes pr on pr.id = a.programme_id
      left join sites s on s.id = a.site_id
      cross join lateral jsonb_array_elements(v.content->'strategicAreas') sa
      cross join lateral jsonb_array_elements(sa->'subAreas') sub
      cross join lateral jsonb_array_elements(sub->'activities') act
      where a.kind = 'action_plan'
        and (${inList("a.programme_id", scope.programmes)} or (a.site_id is not null and ${inList("a.site_id", scope.sites)}))
        and act->>'end' < ${today}
        and act->>'status' not in ('done', 'dropped')
    )
    select o.*, count(*) over () as total from overdue o
    order by o."end", o.programme_code, o.site_code nulls first, o.activity_id
    limit ${OVERDUE_LIMIT}`.execute(db);
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    items: rows.map((r) => ({
      programmeId: r.programme_id,
      programmeCode: r.programme_code,
      siteId: r.site_id,
      siteCode: r.site_code,
      activityId: r.activity_id,
      title: r.title,
      end: r.end,
      status: r.status,
    })),
  };
}
