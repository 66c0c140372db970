import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * The care-delivery registry: pseudonymous patients, enrolments, interventions, groups with
 * sessions and attendance, individual treatment plans (with history) and assessment records —
 * the tables of EXCHANGE-FORMAT.md, with the same codes as keys. No names, ever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table patients (
  id serial primary key,
  code text not null unique,
  birth_year integer not null check (birth_year between 1900 and 2200),
  sex text not null check (sex in ('F','M','X','U')),
  residence_area text,
  first_contact_date date,
  -- the site that registered the patient in Praxis (null for imported patients)
  registered_site_id integer references sites(id),
  created_at timestamptz not null default now()
);

create table enrolments (
  id serial primary key,
  code text not null unique,
  patient_id integer not null references patients(id),
  programme_id integer not null references programmes(id),
  site_id integer not null references sites(id),
  enrolment_date date not null,
  end_date date,
  end_reason text check (end_reason in ('completed','dropped_out','transferred','moved','died','other')),
  primary_diagnosis text check (primary_diagnosis ~ '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'),
  secondary_diagnosis text check (secondary_diagnosis ~ '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'),
  case_manager_code text,
  case_manager_profile text check (case_manager_profile in ('psychiatrist','psychologist','nurse','rehabilitation_therapist','educator','social_worker','other')),
  -- the eligibility check at enrolment: {eligible, checks:[{rule, ok, detail}]}; null for imports
  eligibility jsonb,
  eligibility_override_reason text,
  unique (patient_id, programme_id),
  check (end_date is null or end_date >= enrolment_date),
  check ((end_date is null) = (end_reason is null)),
  check (case_manager_profile is null or case_manager_code is not null)
);
create index enrolments_programme_site_idx on enrolments(programme_id, site_id);
create index enrolments_site_idx on enrolments(site_id);

create table groups (
  id serial primary key,
  code text not null unique,
  site_id integer not null references sites(id),
  programme_id integer references programmes(id),
  kind text not null check (kind in ('dbt_skills','family_connections','imr','psychoeducation','other')),
  name text not null default '',
  start_date date not null,
  end_date date,
  max_size integer check (max_size is null or max_size > 0),
  facilitators text[] not null default '{}',
  check (end_date is null or end_date >= start_date)
);
create index groups_site_idx on groups(site_id);

create table group_members (
  group_id integer not null references groups(id) on delete cascade,
  patient_id integer not null references patients(id),
  joined_date date not null,
  left_date date,
  primary key (group_id, patient_id),
  check (left_date is null or left_date >= joined_date)
);
create index group_members_patient_idx on group_members(patient_id);

create table group_sessions (
  id serial primary key,
  group_id integer not null references groups(id) on delete cascade,
  date date not null,
  module text,
  duration_min integer check (duration_min is null or duration_min between 1 and 600),
  professional_code text,
  created_at timestamptz not null default now()
);
create index group_sessions_group_idx on group_sessions(group_id, date);

create table interventions (
  id bigserial primary key,
  code text not null unique,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  date date not null,
  type text not null,
  setting text not null check (setting in ('individual','group')),
  recipient text not null check (recipient in ('patient','family','patient_and_family')),
  professional_code text,
  professional_profile text check (professional_profile in ('psychiatrist','psychologist','nurse','rehabilitation_therapist','educator','social_worker','other')),
  duration_min integer check (duration_min is null or duration_min between 1 and 600),
  group_id integer references groups(id),
  group_session_id integer references group_sessions(id) on delete cascade,
  module text,
  check (group_id is null or setting = 'group')
);
create index interventions_patient_date_idx on interventions(patient_id, date);
create index interventions_site_idx on interventions(site_id);
create index interventions_group_session_idx on interventions(group_session_id);

create table assessments (
  id serial primary key,
  code text not null unique,
  patient_id integer not null references patients(id),
  date date not null,
  instrument text not null,
  respondent text not null check (respondent in ('patient','clinician','family')),
  timepoint text check (timepoint in ('baseline','follow_up','end','other')),
  total_score numeric
);
create index assessments_patient_date_idx on assessments(patient_id, date);

create table treatment_plans (
  id serial primary key,
  code text not null unique,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  created_date date not null,
  shared_with_patient_date date,
  signed_by_patient boolean not null default false,
  shared_with_social_services boolean not null default false,
  shared_with_work_inclusion boolean not null default false,
  integrated_actions_started boolean not null default false,
  version integer not null default 1
);
create index treatment_plans_patient_idx on treatment_plans(patient_id, created_date);

-- every saved state of a plan, so its history can be shown
create table treatment_plan_history (
  plan_id integer not null references treatment_plans(id) on delete cascade,
  version integer not null,
  changed_at timestamptz not null default now(),
  changed_by text not null,
  state jsonb not null,
  primary key (plan_id, version)
);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("the registry migration cannot be reverted");
}
