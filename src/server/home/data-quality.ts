import { sql } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { inList } from "./in-list.ts";
import type { SiteDataQuality, SiteDataQualityRecords } from "./schemas.ts";

/**
 * Records to complete ("improve the quality of the data", the Lombardy report), per site:
 *
 * - `enrolmentsWithoutDiagnosis`: enrolments at the site without a primary diagnosis;
 * - `patientsWithoutFirstContact`: patients registered or enrolled at the site without a
 *   first-contact date;
 * - `plansWithoutSharedDate`: treatment plans of the site without the date they were shared with
 *   the patient (`created_date` is required, so that is the date a plan can miss).
 *
 * The records of one check at one site, as one union (the counts grouped in the same statement).
 */
const issues = (sites: "all" | number[]) => sql<{
  site_id: number;
  check: string;
  record_id: number;
}>`
  select e.site_id, 'enrolmentsWithoutDiagnosis' as "check", e.id as record_id
  from enrolments e
  where e.primary_diagnosis is null and ${inList("e.site_id", sites)}
  union all
  select ps.site_id, 'patientsWithoutFirstContact', ps.patient_id
  from (
    select p.registered_site_id as site_id, p.id as patient_id
    from patients p
    where p.first_contact_date is null and p.registered_site_id is not null
    union
    select e.site_id, e.patient_id
    from enrolments e join patients p on p.id = e.patient_id
    where p.first_contact_date is null
  ) ps
  where ${inList("ps.site_id", sites)}
  union all
  select t.site_id, 'plansWithoutSharedDate', t.id
  from treatment_plans t
  where t.shared_with_patient_date is null and ${inList("t.site_id", sites)}`;

/** Each site's counts (sites without any issue included, with zeros), in site code order. */
export async function dataQualityCounts(
  db: Executor,
  sites: "all" | number[],
): Promise<Array<SiteDataQuality>> {
  const { rows } = await sql<{
    site_id: number;
    site_code: string;
    site_name: string;
    enrolments: number;
    patients: number;
    plans: number;
  }>`
    with issues as (${issues(sites)})
    select s.id as site_id, s.code as site_code, s.name as site_name,
      count(*) filter (where i."check" = 'enrolmentsWithoutDiagnosis')::int as enrolments,
      count(*) filter (where i."check" = 'patientsWithoutFirstContact')::int as patients,
      count(*) filter (where i."check" = 'plansWithoutSharedDate')::int as plans
    from sites s
    left join issues i on i.site_id = s.id
    where ${inList("s.id", sites)}
    group by s.id, s.code, s.name
    order by s.code collate "C"`.execute(db);
  return rows.map((r) => ({
    siteId: r.site_id,
    siteCode: r.site_code,
    siteName: r.site_name,
    enrolmentsWithoutDiagnosis: Number(r.enrolments),
    patientsWithoutFirstContact: Number(r.patients),
    plansWithoutSharedDate: Number(r.plans),
  }));
}

/** Each list of the site's records shows at most this many (the oldest first). */
export const DATA_QUALITY_LIMIT = 200;

type Records = z.infer<typeof SiteDataQualityRecords>;

/** The records of one site behind its counts, each with what the page needs to link to it. */
export async function dataQualityRecords(
  db: Executor,
  site: Records["site"],
): Promise<Omit<Records, "site" | "limit">> {
  const { rows } = await sql<{
    check: string;
    total: number;
    record_id: number;
    record_code: string;
    patient_id: number;
    patient_code: string;
    birth_year: number;
    programme_code: string | null;
    day: string | null;
  }>`
    with issues as (${issues([site.id])}),
    described as (
      select i."check", i.record_id, e.code as record_code, p.id as patient_id, p.code as patient_code,
        p.birth_year, pr.code as programme_code, e.enrolment_date as day
      from issues i
      join enrolments e on e.id = i.record_id
      join patients p on p.id = e.patient_id
      join programmes pr on pr.id = e.programme_id
      where i."check" = 'enrolmentsWithoutDiagnosis'
      union all
      select i."check", i.record_id, p.code, p.id, p.code, p.birth_year, null, null
      from issues i join patients p on p.id = i.record_id
      where i."check" = 'patientsWithoutFirstContact'
      union all
      select i."check", i.record_id, t.code, p.id, p.code, p.birth_year, null, t.created_date
      from issues i
      join treatment_plans t on t.id = i.record_id
      join patients p on p.id = t.patient_id
      where i."check" = 'plansWithoutSharedDate'
    ),
    ranked as (
      select d.*, count(*) over (partition by d."check") as total,
        row_number() over (partition by d."check" order by d.day nulls first, d.record_code collate "C") as rank
      from described d
    )
    select * from ranked where rank <= ${DATA_QUALITY_LIMIT} order by "check", rank`.execute(db);
  const of = (check: string) => rows.filter((r) => r.check === check);
  const totalOf = (check: string) => Number(of(check)[0]?.total ?? 0);
  return {
    enrolmentsWithoutDiagnosis: {
      total: totalOf("enrolmentsWithoutDiagnosis"),
      items: of("enrolmentsWithoutDiagnosis").map((r) => ({
        enrolmentId: r.record_id,
        enrolmentCode: r.record_code,
        patientId: r.patient_id,
        patientCode: r.patient_code,
        programmeCode: r.programme_code!,
        enrolmentDate: r.day!,
      })),
    },
    patientsWithoutFirstContact: {
      total: totalOf("patientsWithoutFirstContact"),
      items: of("patientsWithoutFirstContact").map((r) => ({
        patientId: r.patient_id,
        patientCode: r.patient_code,
        birthYear: r.birth_year,
      })),
    },
    plansWithoutSharedDate: {
      total: totalOf("plansWithoutSharedDate"),
      items: of("plansWithoutSharedDate").map((r) => ({
        planId: r.record_id,
        planCode: r.record_code,
        patientId: r.patient_id,
        patientCode: r.patient_code,
        createdDate: r.day!,
      })),
    },
  };
}
