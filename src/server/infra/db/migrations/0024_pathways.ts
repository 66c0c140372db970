import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 3 (integrated care records, part B): agreed pathways between services.
 *
 * - `referrals`: a patient referred by a site (the patient's site, or a directory service on its
 *   behalf) to a directory service, the receiving service's decision and the first contact; the
 *   checks keep a decision and its date together, a decline with its reason, and no date before
 *   the referral.
 * - `pathway_stratifications`: the Four Quadrants history of a patient at a site (mental health
 *   severity × severity of the co-occurring condition → quadrant I–IV).
 * - `missed_appointments`: appointments the patient did not attend (DNA). Their own table, never
 *   rows of `interventions`: interventions feed the indicator facts (migration 0008) and mean
 *   "delivered".
 * - `check_ins`: a professional checking in with a patient on a disengagement worklist; one after
 *   the patient's latest event takes them off the list until the next event.
 * - `enrolments.coordinator_professional_id`: the named coordinator, a professional of the
 *   enrolment's site. `case_manager_code` stays (the exchange format's column, counted by the
 *   `case_manager` indicator): filled here from it where the code is a professional's of the same
 *   site, and kept so by a trigger for every writer (API, import, demo, SQL) that sets the code
 *   without naming the coordinator.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table referrals (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  from_service_id integer references directory_services(id),
  to_service_id integer not null references directory_services(id),
  reason text not null check (length(reason) between 1 and 1000),
  referral_date date not null,
  decision text not null default 'pending' check (decision in ('pending', 'accepted', 'declined')),
  decision_date date,
  decline_reason text check (decline_reason in ('not_eligible', 'no_capacity', 'patient_declined', 'better_served_elsewhere', 'other')),
  first_contact_date date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check ((decision = 'pending') = (decision_date is null)),
  check ((decision = 'declined') = (decline_reason is not null)),
  check (decision_date is null or decision_date >= referral_date),
  check (first_contact_date is null or (decision = 'accepted' and first_contact_date >= referral_date)),
  check (from_service_id is null or from_service_id <> to_service_id)
);
create index referrals_patient_idx on referrals (patient_id);
create index referrals_site_idx on referrals (site_id, referral_date);

create table pathway_stratifications (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  stratified_date date not null,
  mental_health_severity text not null check (mental_health_severity in ('low', 'high')),
  co_occurring_severity text not null check (co_occurring_severity in ('low', 'high')),
  quadrant text not null check (quadrant = case
    when mental_health_severity = 'low' and co_occurring_severity = 'low' then 'I'
    when mental_health_severity = 'high' and co_occurring_severity = 'low' then 'II'
    when mental_health_severity = 'low' and co_occurring_severity = 'high' then 'III'
    else 'IV' end),
  note text not null default '' check (length(note) <= 1000),
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index pathway_stratifications_patient_idx on pathway_stratifications (patient_id, stratified_date);
create index pathway_stratifications_site_idx on pathway_stratifications (site_id, patient_id);

create table missed_appointments (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  date date not null,
  type text not null,
  professional_code text,
  professional_profile text check (professional_profile in ('psychiatrist','psychologist','nurse','rehabilitation_therapist','educator','social_worker','other')),
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index missed_appointments_site_idx on missed_appointments (site_id, patient_id, date);
create index missed_appointments_patient_idx on missed_appointments (patient_id);

create table check_ins (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  date date not null,
  list text not null check (list in ('noContact', 'missedLastContact')),
  outcome text not null check (outcome in ('reached', 'not_reached', 're_engaged', 'closed')),
  note text not null default '' check (length(note) <= 1000),
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index check_ins_site_idx on check_ins (site_id, patient_id, date);
create index check_ins_patient_idx on check_ins (patient_id);

alter table enrolments add column coordinator_professional_id integer references professionals(id) on delete set null;
create index enrolments_coordinator_idx on enrolments (coordinator_professional_id) where coordinator_professional_id is not null;

update enrolments e set coordinator_professional_id = pr.id
from professionals pr
where pr.code = e.case_manager_code and pr.site_id = e.site_id;

create function enrolments_resolve_coordinator() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.coordinator_professional_id is null and new.case_manager_code is not null then
      select pr.id into new.coordinator_professional_id from professionals pr
      where pr.code = new.case_manager_code and pr.site_id = new.site_id;
    end if;
  elsif new.case_manager_code is distinct from old.case_manager_code
    and new.coordinator_professional_id is not distinct from old.coordinator_professional_id then
    new.coordinator_professional_id := (select pr.id from professionals pr
      where pr.code = new.case_manager_code and pr.site_id = new.site_id);
  end if;
  return new;
end $$;
create trigger enrolments_resolve_coordinator before insert or update on enrolments
  for each row execute function enrolments_resolve_coordinator();
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0024_pathways cannot be reverted");
}
