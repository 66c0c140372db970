import { type RawBuilder, sql } from "kysely";
import { exportScope } from "../exchange/public.ts";
import {
  type AssessmentRow,
  carePlan,
  type EnrolmentRow,
  episodeOfCare,
  type GroupRow,
  group,
  type InterventionRow,
  type LocationRow,
  location,
  organization,
  type PatientRow,
  type Period,
  type PlanRow,
  patient,
  procedure,
  questionnaireResponse,
  type Resource,
  type SiteRow,
  scoreObservation,
} from "./resources.ts";

/** What a FHIR export covers: a programme and a period (both days inclusive). */
export interface FhirScope extends Period {
  programmeId: number;
}

/**
 * One NDJSON file of the export: the rows of one query (read through a cursor, in id order) and
 * the resources each row becomes. The files are in reference order: a resource is written after
 * every resource it refers to.
 */
export interface ResourceFile<Row = never> {
  type: string;
  query(scope: FhirScope): RawBuilder<Row>;
  resources(row: Row, period: Period): Resource[];
}

/**
 * Patients in the export: those with an enrolment in the programme that overlaps the period.
 * Their records dated in the period come with them (records belong to the patient, as in the
 * CSV export); sites, areas and groups are those of exchange/export.ts's scope, so that every
 * reference resolves.
 */
function patientsOf(s: FhirScope) {
  return sql`
    select patient_id from enrolments
    where programme_id = ${s.programmeId} and enrolment_date <= ${s.to}
      and (end_date is null or end_date >= ${s.from})`;
}

const sites: ResourceFile<SiteRow> = {
  type: "Organization",
  query: (s) => sql<SiteRow>`
    select id, code, name, area_id from sites where id in (${exportScope(s.programmeId).siteIds}) order by id`,
  resources: (row) => [organization(row)],
};

const locations: ResourceFile<LocationRow> = {
  type: "Location",
  query: (s) => {
    const siteIds = exportScope(s.programmeId).siteIds;
    return sql<LocationRow>`
      select 'area' as kind, a.id, a.code, a.name, null::int as area_id from areas a
      where a.id in (select area_id from sites where id in (${siteIds}))
      union all
      select 'site' as kind, s.id, s.code, s.name, s.area_id from sites s where s.id in (${siteIds})
      order by kind, id`;
  },
  resources: (row) => [location(row)],
};

const patients: ResourceFile<PatientRow> = {
  type: "Patient",
  query: (s) => sql<PatientRow>`
    select id, code, birth_year, sex from patients where id in (${patientsOf(s)}) order by id`,
  resources: (row) => [patient(row)],
};

const episodes: ResourceFile<EnrolmentRow> = {
  type: "EpisodeOfCare",
  query: (s) => sql<EnrolmentRow>`
    select e.id, e.code, e.patient_id, e.site_id, g.code as programme, g.name as programme_name,
      e.enrolment_date::text as enrolment_date, e.end_date::text as end_date, e.end_reason
    from enrolments e join programmes g on g.id = e.programme_id
    where e.programme_id = ${s.programmeId} and e.enrolment_date <= ${s.to}
      and (e.end_date is null or e.end_date >= ${s.from})
    order by e.id`,
  resources: (row, period) => [episodeOfCare(row, period)],
};

const groups: ResourceFile<GroupRow> = {
  type: "Group",
  query: (s) => sql<GroupRow>`
    select g.id, g.code, g.kind, g.name, g.site_id, g.start_date::text as start_date,
      g.end_date::text as end_date,
      coalesce((
        select json_agg(json_build_object('patient', m.patient_id, 'joined', m.joined_date::text,
          'left', m.left_date::text) order by m.patient_id)
        from group_members m where m.group_id = g.id and m.patient_id in (${patientsOf(s)})
      ), '[]'::json) as members
    from groups g
    where g.id in (${exportScope(s.programmeId).groupIds})
      and g.start_date <= ${s.to} and (g.end_date is null or g.end_date >= ${s.from})
    order by g.id`,
  resources: (row) => [
    group(typeof row.members === "string" ? { ...row, members: JSON.parse(row.members) } : row),
  ],
};

const procedures: ResourceFile<InterventionRow> = {
  type: "Procedure",
  query: (s) => sql<InterventionRow>`
    select id, code, patient_id, site_id, date::text as date, type, setting, recipient, duration_min
    from interventions
    where patient_id in (${patientsOf(s)}) and date between ${s.from} and ${s.to}
    order by id`,
  resources: (row) => [procedure(row)],
};

const carePlans: ResourceFile<PlanRow> = {
  type: "CarePlan",
  query: (s) => sql<PlanRow>`
    select t.id, t.code, t.patient_id, t.site_id, t.created_date::text as created_date,
      t.shared_with_patient_date::text as shared_with_patient_date, t.signed_by_patient,
      t.shared_with_social_services, t.shared_with_work_inclusion, t.integrated_actions_started,
      row_number() over (partition by t.patient_id order by t.created_date desc, t.id desc) = 1 as latest,
      coalesce(c.goals, '[]'::jsonb) as goals,
      coalesce((
        select jsonb_agg(a || jsonb_build_object(
            'performer', case a->'who'->>'kind'
              when 'professional' then (select pr.code || ' (' || pr.profile || ')' from professionals pr
                where pr.id = (a->'who'->>'professionalId')::int)
              when 'service' then (select d.name from directory_services d where d.id = (a->'who'->>'serviceId')::int)
              else null end) order by n)
        from jsonb_array_elements(c.actions) with ordinality as x(a, n)), '[]'::jsonb) as actions,
      c.review_date::text as review_date
    from treatment_plans t
    left join care_plan_contents c on c.plan_id = t.id
    where t.patient_id in (${patientsOf(s)}) and t.created_date <= ${s.to}
    order by t.id`,
  resources: (row) => [carePlan(row)],
};

const assessmentsQuery = (s: FhirScope, scoredOnly: boolean) => sql<AssessmentRow>`
  select id, code, patient_id, date::text as date, instrument, respondent, timepoint,
    total_score::text as total_score
  from assessments
  where patient_id in (${patientsOf(s)}) and date between ${s.from} and ${s.to}
    ${scoredOnly ? sql`and total_score is not null` : sql``}
  order by id`;

const responses: ResourceFile<AssessmentRow> = {
  type: "QuestionnaireResponse",
  query: (s) => assessmentsQuery(s, false),
  resources: (row) => [questionnaireResponse(row)],
};

const observations: ResourceFile<AssessmentRow> = {
  type: "Observation",
  query: (s) => assessmentsQuery(s, true),
  resources: (row) =>
    row.total_score === null ? [] : [scoreObservation({ ...row, total_score: row.total_score })],
};

/** The streamed files, in reference order (Measure and MeasureReport follow: measures.ts). */
export const RESOURCE_FILES = [
  sites,
  locations,
  patients,
  episodes,
  groups,
  procedures,
  carePlans,
  responses,
  observations,
] as unknown as readonly ResourceFile<Record<string, unknown>>[];
