import { sql } from "kysely";
import type { ProgrammeWithSites } from "../core/programme-scope.ts";
import type { Executor } from "../infra/db/executor.ts";
import { trainedForProgramme } from "../measures/public.ts";
import { type FunnelSite, summariseRegionFunnel } from "./region-funnel.ts";
import type { RegionFunnel } from "./schemas.ts";

interface Row {
  site_id: number;
  site_code: string;
  site_name: string;
  in_programme: boolean;
  trained: number;
  delivering: number;
  enrolled: number;
  status: FunnelSite["status"];
}

/**
 * The programme's training-to-practice funnel over every site of its region, in one set-based
 * query: per site, its trained professionals (the `trained` flag, or a completed course of this
 * programme, of their site or open to all — as the programme funnel of measures counts them),
 * those of them who delivered an intervention at their site to a patient enrolled in the
 * programme, the patients enrolled in it there, and its current status in the programme.
 */
export async function readRegionFunnel(db: Executor, programme: ProgrammeWithSites): Promise<RegionFunnel> {
  const { rows } = await sql<Row>`
    with pros as (
      select pr.site_id,
        ${trainedForProgramme(programme.id)} as trained,
        exists (
          select 1 from interventions i
          join enrolments e on e.patient_id = i.patient_id and e.programme_id = ${programme.id}
          where i.site_id = pr.site_id and i.professional_code = pr.code
        ) as delivering
      from professionals pr
      join sites s on s.id = pr.site_id and s.region_id = ${programme.regionId}
    ),
    per_site as (
      select site_id, count(*) filter (where trained)::int as trained,
        count(*) filter (where trained and delivering)::int as delivering
      from pros group by site_id
    ),
    enrolled as (
      select site_id, count(*)::int as enrolled from enrolments
      where programme_id = ${programme.id} group by site_id
    ),
    latest as (
      select distinct on (site_id) site_id, status from site_status_changes
      where programme_id = ${programme.id}
      order by site_id, effective_date desc, version desc
    )
    select s.id as site_id, s.code as site_code, s.name as site_name,
      exists (select 1 from programme_sites ps where ps.programme_id = ${programme.id} and ps.site_id = s.id) as in_programme,
      coalesce(p.trained, 0)::int as trained, coalesce(p.delivering, 0)::int as delivering,
      coalesce(e.enrolled, 0)::int as enrolled, l.status
    from sites s
    left join per_site p on p.site_id = s.id
    left join enrolled e on e.site_id = s.id
    left join latest l on l.site_id = s.id
    where s.region_id = ${programme.regionId}
    order by s.code`.execute(db);
  const summary = summariseRegionFunnel(
    rows.map((r) => ({
      siteId: r.site_id,
      siteCode: r.site_code,
      siteName: r.site_name,
      inProgramme: r.in_programme,
      trainedProfessionals: r.trained,
      deliveringProfessionals: r.delivering,
      enrolled: r.enrolled,
      status: r.status,
    })),
  );
  return { programmeId: programme.id, regionId: programme.regionId, ...summary };
}
