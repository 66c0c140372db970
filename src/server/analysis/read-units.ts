import { type RawBuilder, sql } from "kysely";
import type { GroupingId, OutcomeId } from "../../shared/analysis-variables.ts";
import type { ProgrammeParameterValues } from "../../shared/programme-defaults.ts";
import type { Executor } from "../infra/db/executor.ts";
import { PAIR_WINDOW_DAYS } from "../measures/public.ts";
import type { Unit } from "./analyse.ts";
import type { AnalysisRequest } from "./validate-request.ts";

type Sql = RawBuilder<unknown>;

export interface UnitsQuery extends AnalysisRequest {
  programmeId: number;
  /** Only patients whose latest enrolment is at these sites (null: every site). */
  siteIds: readonly number[] | null;
  asOf: string;
  parameters: Pick<ProgrammeParameterValues, "earlyWindowDays" | "breakdownAgeBands">;
  psychosocialTypes: readonly string[];
}

/** Age at enrolment (INDICATORS.md): year(enrolment_date) − birth_year. */
const AGE = sql`(extract(year from u.enrolment_date)::int - u.birth_year)`;

/** IMR modules a patient received at the enrolment's site: the saved IMR summary's, else the registry's. */
const IMR_MODULES = sql`coalesce(
  (select cardinality(im.modules) from imr_summaries im where im.patient_id = u.patient_id and im.site_id = u.site_id),
  (select count(distinct i.module)::int from interventions i
    where i.patient_id = u.patient_id and i.site_id = u.site_id and i.module ~ '^IMR-[0-9]+$'))`;

function groupKey(g: GroupingId, q: UnitsQuery): Sql {
  switch (g) {
    case "none":
      return sql`'all'::text`;
    case "site":
      return sql`(select s.code from sites s where s.id = u.site_id)`;
    case "service_kind":
      return sql`(select sv.kind from imr_summaries im join services sv on sv.id = im.service_id
        where im.patient_id = u.patient_id and im.site_id = u.site_id)`;
    case "diagnosis":
      return sql`u.primary_diagnosis`;
    case "sex":
      return sql`u.sex`;
    case "age_band": {
      const whens = q.parameters.breakdownAgeBands.map((b) => {
        const lo = b.min === null ? sql`true` : sql`${AGE} >= ${b.min}::int`;
        const hi = b.max === null ? sql`true` : sql`${AGE} <= ${b.max}::int`;
        return sql`when ${lo} and ${hi} then ${b.label}::text`;
      });
      return whens.length ? sql`(case ${sql.join(whens, sql` `)} end)` : sql`null::text`;
    }
    case "cohort":
      return sql`to_char(u.enrolment_date, 'YYYY')`;
    case "imr_modules_band":
      return sql`(case when ${IMR_MODULES} = 0 then '0' when ${IMR_MODULES} <= 5 then '1-5'
        when ${IMR_MODULES} <= 10 then '6-10' else '11' end)`;
  }
}

/**
 * The outcome columns `v` (number or text) and `v2` (the pair's second member). Scores: the
 * earliest `baseline` total; the latest `follow_up` or `end` total (for change and pre/post:
 * dated after that baseline). Client vs clinician: the latest client IMRS and the clinician IMRS
 * of the same timepoint nearest in date within 30 days (as the programme's IMRS correlation).
 */
function outcomeColumns(o: OutcomeId, q: UnitsQuery): { v: Sql; v2: Sql; from: Sql } {
  const none = sql``;
  const asOf = q.asOf;
  const baseline = sql`left join lateral (
      select a.total_score::float8 as total, a.date from assessments a
      where a.patient_id = u.patient_id and a.instrument = ${q.instrument ?? ""}::text
        and a.total_score is not null and a.timepoint = 'baseline' and a.date <= ${asOf}::date
      order by a.date, a.id limit 1) b on true`;
  const followUp = (afterBaseline: boolean) => sql`left join lateral (
      select a.total_score::float8 as total from assessments a
      where a.patient_id = u.patient_id and a.instrument = ${q.instrument ?? ""}::text
        and a.total_score is not null and a.timepoint in ('follow_up', 'end') and a.date <= ${asOf}::date
        ${afterBaseline ? sql`and a.date > b.date` : none}
      order by a.date desc, a.id desc limit 1) f on true`;
  switch (o) {
    case "age":
      return { v: sql`${AGE}::float8`, v2: sql`null::float8`, from: none };
    case "psychosocial_early": {
      const days = q.parameters.earlyWindowDays;
      // only enrolments observed for the whole window (INDICATORS.md's E90), counted up to its end
      return {
        v: sql`case when u.enrolment_date + ${days}::int <= ${asOf}::date then (
          select count(*)::float8 from interventions i
          where i.patient_id = u.patient_id and i.type = any(${[...q.psychosocialTypes]}::text[])
            and i.date >= u.enrolment_date
            and i.date <= least(u.enrolment_date + ${days - 1}::int, coalesce(u.end_date, ${asOf}::date), ${asOf}::date)
        ) end`,
        v2: sql`null::float8`,
        from: none,
      };
    }
    case "imr_modules":
      return { v: sql`${IMR_MODULES}::float8`, v2: sql`null::float8`, from: none };
    case "score_baseline":
      return { v: sql`b.total`, v2: sql`null::float8`, from: baseline };
    case "score_follow_up":
      return { v: sql`f.total`, v2: sql`null::float8`, from: followUp(false) };
    case "score_change":
      return { v: sql`f.total - b.total`, v2: sql`null::float8`, from: sql`${baseline} ${followUp(true)}` };
    case "score_pre_post":
      return { v: sql`b.total`, v2: sql`f.total`, from: sql`${baseline} ${followUp(true)}` };
    case "sex":
      return { v: sql`u.sex`, v2: sql`null::float8`, from: none };
    case "diagnosis":
      return { v: sql`u.primary_diagnosis`, v2: sql`null::float8`, from: none };
    case "active":
      return {
        v: sql`case when u.end_date is null or u.end_date > ${asOf}::date then 'yes' else 'no' end`,
        v2: sql`null::float8`,
        from: none,
      };
    case "imrs_client_clinician":
      return {
        v: sql`c.total`,
        v2: sql`k.total`,
        from: sql`left join lateral (
            select a.total_score::float8 as total, a.date, a.timepoint from assessments a
            where a.patient_id = u.patient_id and a.instrument = 'IMRS-CLIENT' and a.total_score is not null
              and a.date <= ${asOf}::date
            order by a.date desc, a.id desc limit 1) c on true
          left join lateral (
            select a.total_score::float8 as total from assessments a
            where a.patient_id = u.patient_id and a.instrument = 'IMRS-CLINICIAN' and a.total_score is not null
              and a.timepoint is not distinct from c.timepoint and abs(a.date - c.date) <= ${PAIR_WINDOW_DAYS}::int
              and a.date <= ${asOf}::date
            order by abs(a.date - c.date), a.id desc limit 1) k on true`,
      };
  }
}

/**
 * One unit per patient of the programme: their latest enrolment (enrolled on or before the as-of
 * date, at the sites in scope) gives the site, dates and diagnosis; the outcome and the group key
 * are computed beside it. One set-based query; no row leaves the server.
 */
export async function readUnits(db: Executor, q: UnitsQuery): Promise<Unit[]> {
  const out = outcomeColumns(q.outcome, q);
  const sites = q.siteIds === null ? null : [...q.siteIds];
  const { rows } = await sql<{ g: string | null; v: number | string | null; v2: number | null }>`
    with u as (
      select distinct on (e.patient_id) e.patient_id, e.site_id, e.enrolment_date, e.end_date,
        e.primary_diagnosis, p.sex, p.birth_year
      from enrolments e join patients p on p.id = e.patient_id
      where e.programme_id = ${q.programmeId}::int and e.enrolment_date <= ${q.asOf}::date
        and (${sites}::int[] is null or e.site_id = any(${sites}::int[]))
      order by e.patient_id, e.enrolment_date desc, e.id desc
    )
    select ${groupKey(q.grouping, q)} as g, ${out.v} as v, ${out.v2} as v2
    from u ${out.from}
    order by u.patient_id
  `.execute(db);
  return rows.map((r) => ({
    group: q.grouping === "none" ? "all" : r.g,
    value: r.v,
    second: r.v2 === null ? null : Number(r.v2),
  }));
}
