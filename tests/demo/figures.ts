import { sql, type Transaction } from "kysely";
import type { Db } from "../../src/server/infra/db/database.ts";
import type { DB } from "../../src/server/infra/db/schema.ts";

/**
 * The demo's figures computed with plain SQL over the stored rows, following the definitions of
 * INDICATORS.md (care period, early window, E90, latest plan), as of the data cut-off `asOf`.
 */
export const PSYCHOSOCIAL_TYPES = [
  "assessment",
  "psychoeducation",
  "skills_training",
  "psychotherapy",
  "family_intervention",
  "job_placement",
  "social_support",
];
const PSY = sql.raw(PSYCHOSOCIAL_TYPES.map((t) => `'${t}'`).join(","));

export interface SiteFigures {
  site: string;
  enrolled: number;
  e90: number;
  intensive: number;
  family: number;
  caseManager: number;
  interventions: number;
}

export async function figures(db: Db, programme: string, asOf: string) {
  const base = sql`
    with e as (
      select e.*, least(coalesce(e.end_date, ${asOf}::date), ${asOf}::date) as care_end, s.code as site
      from enrolments e join programmes g on g.id = e.programme_id join sites s on s.id = e.site_id
      where g.code = ${programme} and e.enrolment_date <= ${asOf}::date
    ),
    per as (
      select e.id, e.site, e.patient_id, e.enrolment_date, e.case_manager_code,
        e.enrolment_date <= ${asOf}::date - 90 as in_e90,
        (select count(*) from interventions i where i.patient_id = e.patient_id
           and i.date between e.enrolment_date and e.care_end) as n_all,
        (select count(*) from interventions i where i.patient_id = e.patient_id
           and i.date between e.enrolment_date and e.care_end and i.type in (${PSY})) as n_psy,
        (select count(*) from interventions i where i.patient_id = e.patient_id
           and i.date between e.enrolment_date and least(e.enrolment_date + 89, e.care_end)
           and i.type in (${PSY})) as n_early,
        exists (select 1 from interventions i where i.patient_id = e.patient_id
           and i.date between e.enrolment_date and e.care_end
           and i.recipient in ('family', 'patient_and_family')) as family,
        (select row(t.signed_by_patient, t.shared_with_social_services, t.shared_with_work_inclusion)::text
           from treatment_plans t where t.patient_id = e.patient_id
           and t.created_date between e.enrolment_date - 90 and e.care_end
           order by t.created_date desc, t.code collate "C" desc limit 1) as latest_plan
      from e
    )`;
  const total = await sql<{
    enrolled: number;
    female: number;
    sexed: number;
    age_in_band: number;
    new_to_service: number;
    with_first_contact: number;
    target_diagnosis: number;
    interventions: number;
    psychosocial: number;
    e90: number;
    intensive: number;
    family: number;
    case_manager: number;
    with_plan: number;
    signed: number;
    shared_social: number;
    shared_work: number;
    median_psy: number;
    dropped_out: number;
  }>`${base}
    select
      (select count(*) from e) as enrolled,
      (select count(*) from e join patients p on p.id = e.patient_id where p.sex = 'F') as female,
      (select count(*) from e join patients p on p.id = e.patient_id where p.sex in ('F','M','X')) as sexed,
      (select count(*) from e join patients p on p.id = e.patient_id
         where extract(year from e.enrolment_date) - p.birth_year between 18 and 30) as age_in_band,
      (select count(*) from e join patients p on p.id = e.patient_id
         where p.first_contact_date >= e.enrolment_date - 365) as new_to_service,
      (select count(*) from e join patients p on p.id = e.patient_id where p.first_contact_date is not null) as with_first_contact,
      (select count(*) from e where left(e.primary_diagnosis, 5) = 'F60.3') as target_diagnosis,
      (select sum(n_all) from per) as interventions,
      (select sum(n_psy) from per) as psychosocial,
      (select count(*) from per where in_e90) as e90,
      (select count(*) from per where in_e90 and n_early >= 5) as intensive,
      (select count(*) from per where family) as family,
      (select count(*) from per where case_manager_code is not null) as case_manager,
      (select count(*) from per where latest_plan is not null) as with_plan,
      (select count(*) from per where latest_plan like '(t,%') as signed,
      (select count(*) from per where latest_plan like '(_,t,%') as shared_social,
      (select count(*) from per where latest_plan like '(_,_,t)') as shared_work,
      (select percentile_cont(0.5) within group (order by n_psy) from per) as median_psy,
      (select count(*) from e where e.end_reason = 'dropped_out' and e.end_date <= ${asOf}::date) as dropped_out
  `.execute(db);
  const sites = await sql<SiteFigures>`${base}
    select site, count(*)::int as enrolled, count(*) filter (where in_e90)::int as e90,
      count(*) filter (where in_e90 and n_early >= 5)::int as intensive,
      count(*) filter (where family)::int as family,
      count(*) filter (where case_manager_code is not null)::int as "caseManager",
      sum(n_all)::int as interventions
    from per group by site order by site collate "C"`.execute(db);
  const t = total.rows[0]!;
  const n = (x: unknown) => Number(x);
  const ratio = (a: unknown, b: unknown) => (n(b) === 0 ? null : n(a) / n(b));
  return {
    enrolled: n(t.enrolled),
    female: ratio(t.female, t.sexed),
    ageInBand: ratio(t.age_in_band, t.enrolled),
    newToService: ratio(t.new_to_service, t.with_first_contact),
    targetDiagnosis: ratio(t.target_diagnosis, t.enrolled),
    interventions: n(t.interventions),
    psychosocial: n(t.psychosocial),
    psychosocialShare: ratio(t.psychosocial, t.interventions),
    medianPsychosocialPerPatient: n(t.median_psy),
    e90: n(t.e90),
    intensiveStart: ratio(t.intensive, t.e90),
    family: ratio(t.family, t.enrolled),
    caseManager: ratio(t.case_manager, t.enrolled),
    treatmentPlan: ratio(t.with_plan, t.enrolled),
    planSigned: ratio(t.signed, t.with_plan),
    planSharedSocial: ratio(t.shared_social, t.with_plan),
    planSharedWork: ratio(t.shared_work, t.with_plan),
    droppedOut: ratio(t.dropped_out, t.enrolled),
    sites: sites.rows,
  };
}

/** An md5 of every row of a table, in primary-key order (a table's content as one value). */
export async function tableChecksum(
  db: Db | Transaction<DB>,
  table: string,
  orderBy: string,
): Promise<string> {
  const r = await sql<{ sum: string | null; n: number }>`
    select md5(coalesce(string_agg(t::text, E'\n' order by ${sql.raw(orderBy)}), '')) as sum, count(*)::int as n
    from ${sql.table(table)} t`.execute(db);
  return `${r.rows[0]!.n}:${r.rows[0]!.sum}`;
}

export const REGISTRY_TABLES: Array<[table: string, orderBy: string]> = [
  ["patients", "id"],
  ["enrolments", "id"],
  ["groups", "id"],
  ["group_members", "group_id, patient_id"],
  ["group_sessions", "id"],
  ["interventions", "id"],
  ["assessments", "id"],
  ["treatment_plans", "id"],
  ["treatment_plan_history", "plan_id, version"],
];

/** Checksums of every registry table, with timestamps printed in UTC so engines compare equal. */
export async function checksums(db: Db): Promise<Record<string, string>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const out: Record<string, string> = {};
    for (const [table, orderBy] of REGISTRY_TABLES) out[table] = await tableChecksum(trx, table, orderBy);
    return out;
  });
}
