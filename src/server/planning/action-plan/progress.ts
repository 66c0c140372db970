import { sql } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Db } from "../../infra/db/database.ts";
import { today } from "../../infra/time/civil-date.ts";
import { isOverdue } from "./overdue.ts";
import { ACTIVITY_STATUSES, type ActivityStatus, type Progress } from "./schemas.ts";

interface Row {
  site_id: number | null;
  id: string;
  origin_id: string | null;
  title: string;
  strategic_area: string;
  sub_area: string;
  start: string;
  end: string;
  status: ActivityStatus;
}

/**
 * The regional progress view: every activity of the regional plan, and for each site of the
 * programme the status of its copy (matched by origin id), with the overdue flag. The activities
 * of all plans come from one set-based query over their current versions.
 */
export async function planProgress(db: Db, programme: ProgrammeWithSites, asOf = today()): Promise<Progress> {
  const [{ rows }, plans] = await Promise.all([
    sql<Row>`
      select a.site_id, act->>'id' as id, act->>'originId' as origin_id, act->>'title' as title,
        sa->>'title' as strategic_area, sub->>'title' as sub_area,
        act->>'start' as start, act->>'end' as "end", act->>'status' as status
      from planning_artefacts a
      join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
      cross join lateral jsonb_array_elements(v.content->'strategicAreas') with ordinality sa_(sa, sa_n)
      cross join lateral jsonb_array_elements(sa->'subAreas') with ordinality sub_(sub, sub_n)
      cross join lateral jsonb_array_elements(sub->'activities') with ordinality act_(act, act_n)
      where a.programme_id = ${programme.id} and a.kind = 'action_plan'
        and (a.site_id is null or act->>'originId' is not null)
      order by a.site_id nulls first, sa_n, sub_n, act_n`.execute(db),
    db
      .selectFrom("planning_artefacts")
      .select(["site_id", "current_version"])
      .where("programme_id", "=", programme.id)
      .where("kind", "=", "action_plan")
      .where("site_id", "is not", null)
      .execute(),
  ]);
  const version = new Map(plans.map((p) => [p.site_id!, p.current_version]));
  const copies = new Map<string, Row>();
  for (const r of rows) if (r.site_id !== null) copies.set(`${r.site_id}:${r.origin_id}`, r);
  return {
    today: asOf,
    sites: programme.sites.map((s) => ({ ...s, planVersion: version.get(s.id) ?? 0 })),
    activities: rows
      .filter((r) => r.site_id === null)
      .map((r) => {
        const counts = Object.fromEntries(
          [...ACTIVITY_STATUSES, "missing", "overdue"].map((k) => [k, 0]),
        ) as Record<ActivityStatus | "missing" | "overdue", number>;
        const perSite = programme.sites.map((s) => {
          const copy = copies.get(`${s.id}:${r.id}`);
          const overdue = copy ? isOverdue(copy, asOf) : false;
          counts[copy ? copy.status : "missing"] += 1;
          if (overdue) counts.overdue += 1;
          return { siteId: s.id, status: copy?.status ?? null, end: copy?.end ?? null, overdue };
        });
        return {
          id: r.id,
          title: r.title,
          strategicArea: r.strategic_area,
          subArea: r.sub_area,
          start: r.start,
          end: r.end,
          status: r.status,
          perSite,
          counts,
        };
      }),
  };
}
