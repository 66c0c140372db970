import { sql } from "kysely";
import type { z } from "zod";
import type { PeriodQuery, ProgrammeFigures } from "../../core/access/aggregates.ts";
import { isSmall } from "../../core/small-cells.ts";
import type { Db } from "../../infra/db/database.ts";
import { PROFILES } from "../../shared/schemas.ts";
import type { Funnel } from "./schemas.ts";
import { trainedForProgramme } from "./trained.ts";

type Out = z.infer<typeof Funnel>;
type Counts = Out["programme"];

interface SqlRow {
  by_site: boolean;
  by_profile: boolean;
  site_id: number | null;
  profile: string | null;
  professionals: number;
  trained: number;
  trained_in_team: number;
  delivering: number;
  delivering_untrained: number;
}

/**
 * The training-to-practice funnel of a programme's sites, per site, per profile and overall, in
 * one set-based query over the professionals of the programme's sites:
 *   trained — `trained` on the professional, or completed a course of this programme, of their
 *             site, or a course open to all;
 *   in team — trained and in the implementation team;
 *   delivering — trained, in the team, and recorded as the professional of at least one
 *             intervention at their site (interventions.professional_code) in the period.
 * Those delivering without being trained are counted beside the funnel.
 */
export async function trainingFunnel(db: Db, access: ProgrammeFigures, period: PeriodQuery): Promise<Out> {
  const { programme } = access;
  const from = period.from ?? null;
  const to = period.to ?? null;
  const { rows } = await sql<SqlRow>`
    with pros as (
      select pr.site_id, pr.profile, pr.in_implementation_team as in_team,
        ${trainedForProgramme(programme.id)} as trained,
        exists (
          select 1 from interventions i
          where i.site_id = pr.site_id and i.professional_code = pr.code
            and (${from}::date is null or i.date >= ${from}::date)
            and (${to}::date is null or i.date <= ${to}::date)
        ) as delivering
      from professionals pr
      join programme_sites ps on ps.site_id = pr.site_id and ps.programme_id = ${programme.id}
    )
    select grouping(site_id) = 0 as by_site, grouping(profile) = 0 as by_profile, site_id, profile,
      count(*)::int as professionals,
      count(*) filter (where trained)::int as trained,
      count(*) filter (where trained and in_team)::int as trained_in_team,
      count(*) filter (where trained and in_team and delivering)::int as delivering,
      count(*) filter (where delivering and not trained)::int as delivering_untrained
    from pros
    group by grouping sets ((site_id), (profile), ())
  `.execute(db);
  const counts = (r: SqlRow | undefined): Counts => {
    const c = {
      professionals: r?.professionals ?? 0,
      trained: r?.trained ?? 0,
      trainedInTeam: r?.trained_in_team ?? 0,
      delivering: r?.delivering ?? 0,
      deliveringUntrained: r?.delivering_untrained ?? 0,
    };
    if (!access.suppressSmallCells) return { ...c, suppressed: false };
    // viewers: every count of 1–4 professionals is hidden (primary suppression)
    const hidden = Object.values(c).some(isSmall);
    return hidden
      ? {
          professionals: null,
          trained: null,
          trainedInTeam: null,
          delivering: null,
          deliveringUntrained: null,
          suppressed: true,
        }
      : { ...c, suppressed: false };
  };
  return {
    programmeId: programme.id,
    from,
    to,
    sites: programme.sites.map((s) => ({
      siteId: s.id,
      siteCode: s.code,
      siteName: s.name,
      ...counts(rows.find((r) => r.by_site && r.site_id === s.id)),
    })),
    profiles: PROFILES.map((profile) => ({
      profile,
      ...counts(rows.find((r) => r.by_profile && r.profile === profile)),
    })),
    programme: counts(rows.find((r) => !r.by_site && !r.by_profile)),
  };
}
