import { sql } from "kysely";
import { loadProgrammeScope } from "../core/programme-scope.ts";
import {
  BUILT_IN,
  indicatorSeries,
  indicatorValues,
  loadView,
  MAX_SERIES_POINTS,
  monthlyAsOfs,
  SMALL_SITE_DEFAULT,
} from "../indicators/public.ts";
import type { Db } from "../infra/db/database.ts";
import { addMonths } from "../infra/time/civil-date.ts";
import { compareSites, trainingFunnel } from "../measures/public.ts";
import { commonFactors, compareSana, planProgress, roadmapCompliance } from "../planning/public.ts";
import { loadRegionBoundaries } from "../structure/public.ts";
import type { ReportPeriod } from "./request.ts";

/** Whom the report is for: what it may show. */
export interface ReportAudience {
  /** Viewers (and site members of only some sites): small cells suppressed (suppression.ts). */
  suppress: boolean;
  /** May read every site's planning artefacts (administrators, the programme's coordinators). */
  sitePlanning: boolean;
}

export type ReportData = NonNullable<Awaited<ReturnType<typeof gatherReport>>>;

/**
 * Everything the monitoring report shows, read through the services the API answers with: the
 * indicators as of the period's last day (indicators service, suppression for viewers), the
 * enrolment series over the period, the training funnel over the period, fidelity (latest review
 * of each site, per scale), the region's area boundaries (the map) and the planning toolkit's state (SANA, SWOT common factors, action
 * plan progress as of the last day, roadmaps, the last questionnaire round opened by then).
 * Undefined for an unknown programme.
 */
export async function gatherReport(
  db: Db,
  programmeId: number,
  period: ReportPeriod,
  audience: ReportAudience,
) {
  const [view, scope] = await Promise.all([
    loadView(db, programmeId, 0),
    loadProgrammeScope(db, programmeId),
  ]);
  if (!view || !scope) return undefined;
  const { ctx } = view;
  const options = { suppress: audience.suppress, smallSiteThreshold: SMALL_SITE_DEFAULT };
  const enrolled = BUILT_IN.find((d) => d.id === "enrolled")!;
  // the last MAX_SERIES_POINTS months of the period at most (a period of centuries is not refused)
  const earliest = `${addMonths(period.to, -(MAX_SERIES_POINTS - 1)).slice(0, 7)}-01`;
  const asOfs = monthlyAsOfs(period.from > earliest ? period.from : earliest, period.to);
  const access = { programme: scope, suppressSmallCells: audience.suppress };
  const [values, series, funnel, scales, sana, swot, progress, roadmap, round, boundaries] =
    await Promise.all([
      indicatorValues(db, view, [...BUILT_IN], { asOf: period.to, ...options }),
      indicatorSeries(db, ctx, enrolled, { from: asOfs[0]!, to: period.to, asOfs }, options),
      trainingFunnel(db, access, period),
      fidelityScales(db, programmeId),
      compareSana(db, scope),
      commonFactors(db, scope),
      planProgress(db, scope, period.to),
      roadmapCompliance(db, scope),
      lastRound(db, programmeId, period.to),
      loadRegionBoundaries(db, scope.regionId),
    ]);
  const fidelity = await Promise.all(scales.map((s) => compareSites(db, access, s)));
  return {
    programme: {
      id: ctx.id,
      code: ctx.code,
      name: ctx.name,
      implementationStart: ctx.implementationStart,
      regionId: scope.regionId,
    },
    period,
    audience,
    sites: ctx.sites,
    values,
    series,
    funnel,
    fidelity,
    planning: { sana, swot, progress, roadmap, round },
    /** The region's area boundaries (the regional map), undefined when none were uploaded. */
    boundaries,
  };
}

/** The fidelity scales the programme's sites were reviewed on (site reviews only). */
async function fidelityScales(db: Db, programmeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("fidelity_reviews")
    .select("scale")
    .distinct()
    .where("programme_id", "=", programmeId)
    .where("professional_id", "is", null)
    .orderBy("scale")
    .execute();
  return rows.map((r) => r.scale);
}

/**
 * The programme's questionnaire round opened last on or before `asOf`: its sites asked and those
 * that submitted (a response whose current version is marked submitted). One statement.
 */
async function lastRound(db: Db, programmeId: number, asOf: string) {
  const { rows } = await sql<{
    title: string;
    label: string;
    opens_on: string;
    closes_on: string;
    site_id: number;
    submitted: boolean;
  }>`
    with r as (
      select r.id, q.title, r.label, r.opens_on, r.closes_on
      from planning_rounds r join planning_questionnaires q on q.id = r.questionnaire_id
      where q.programme_id = ${programmeId} and r.opens_on <= ${asOf}
      order by r.opens_on desc, r.id desc limit 1
    )
    select r.title, r.label, r.opens_on::text as opens_on, r.closes_on::text as closes_on, ps.site_id,
      coalesce((v.content->>'submitted')::boolean, false) as submitted
    from r
    join programme_sites ps on ps.programme_id = ${programmeId}
    left join planning_artefacts a
      on a.kind = 'questionnaire_response' and a.round_id = r.id and a.site_id = ps.site_id
    left join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
    order by ps.site_id`.execute(db);
  const first = rows[0];
  if (!first) return null;
  return {
    title: first.title,
    label: first.label,
    opensOn: first.opens_on,
    closesOn: first.closes_on,
    asked: rows.length,
    submitted: rows.filter((r) => r.submitted).map((r) => r.site_id),
  };
}
