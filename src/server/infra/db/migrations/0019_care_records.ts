import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 3 (integrated care records, part A): consent to share information and the care
 * and crisis plans shared with the services it names.
 *
 * - `care_consents`: one consent of a patient to share with one service of the directory, its
 *   scope (care plan, crisis plan, both) and the date given; withdrawal is a new state of the row
 *   (date, reason, who), never a delete, so the history stays. Current consent = not withdrawn.
 * - `care_plan_contents`: the content of a treatment plan (migration 0002): goals, actions (each
 *   with who does it — a professional of the team, a directory service, the person or the
 *   family —, a due date and a status), a review date; its own version for optimistic locking.
 * - `crisis_plans`: one per patient: early warning signs, what helps, actions with who, crisis
 *   contacts (directory services), plan and review dates; versioned.
 * - `directory_service_sites`: the site of the region a directory service is (the "site_id" of a
 *   service), so the staff of that site read the plans a patient consented to share with it.
 *
 * This migration sorts before 0021 (the directory), which creates `directory_services`: on a new
 * database that table does not exist yet when this runs. So the service ids here carry no
 * foreign key and the service's site lives in its own table keyed by the service id; the care
 * capability checks every service id against the directory (region, existence) when it writes,
 * and directory services are never deleted (only deactivated).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table directory_service_sites (
  service_id integer primary key,
  site_id integer not null references sites(id),
  updated_at timestamptz not null default now()
);
create index directory_service_sites_site on directory_service_sites (site_id);

create table care_consents (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  service_id integer not null,
  scope text not null check (scope in ('care_plan', 'crisis_plan', 'both')),
  given_date date not null,
  withdrawn_date date,
  withdrawal_reason text,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  withdrawn_by integer references users(id),
  withdrawn_at timestamptz,
  check ((withdrawn_date is null) = (withdrawal_reason is null)),
  check (withdrawn_date is null or withdrawn_date >= given_date)
);
create index care_consents_patient on care_consents (patient_id);
create index care_consents_current on care_consents (service_id, patient_id) where withdrawn_date is null;

create table care_plan_contents (
  plan_id integer primary key references treatment_plans(id),
  goals jsonb not null default '[]',
  actions jsonb not null default '[]',
  review_date date,
  version integer not null default 1,
  updated_by integer references users(id),
  updated_at timestamptz not null default now()
);

create table crisis_plans (
  id serial primary key,
  patient_id integer not null unique references patients(id),
  site_id integer not null references sites(id),
  plan_date date not null,
  warning_signs text not null default '',
  what_helps text not null default '',
  actions jsonb not null default '[]',
  contact_service_ids integer[] not null default '{}',
  review_date date,
  version integer not null default 1,
  updated_by integer references users(id),
  updated_at timestamptz not null default now(),
  check (review_date is null or review_date >= plan_date)
);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0019_care_records cannot be reverted");
}
