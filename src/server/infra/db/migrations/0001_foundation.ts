import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * The foundation: implementation structure, practices, programmes, teams, accounts,
 * sessions and the hash-chained audit log. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table regions (
  id serial primary key,
  code text not null unique,
  name text not null
);
create table areas (
  id serial primary key,
  region_id integer not null references regions(id),
  code text not null unique,
  name text not null
);
create table sites (
  id serial primary key,
  region_id integer not null references regions(id),
  area_id integer references areas(id),
  code text not null unique,
  name text not null
);
create index sites_area_idx on sites(area_id);
create table services (
  id serial primary key,
  site_id integer not null references sites(id),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('community_centre','addiction_service','eating_disorder_programme','ward','day_centre','residential','other'))
);
create index services_site_idx on services(site_id);

create table users (
  id serial primary key,
  username text not null,
  display_name text not null default '',
  password_hash text not null,
  active boolean not null default true,
  must_change_password boolean not null default false,
  language text not null default 'en' check (language in ('en','it')),
  created_at timestamptz not null default now()
);
create unique index users_username_idx on users(lower(username));

create table practices (
  id serial primary key,
  code text not null unique,
  name text not null,
  current_version integer not null default 1
);
create table practice_versions (
  practice_id integer not null references practices(id),
  version integer not null,
  definition jsonb not null,
  created_at timestamptz not null default now(),
  created_by integer references users(id),
  primary key (practice_id, version)
);

create table programmes (
  id serial primary key,
  code text not null unique,
  name text not null,
  practice_id integer not null references practices(id),
  practice_version integer not null,
  region_id integer not null references regions(id),
  parameters jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table programme_phases (
  programme_id integer not null references programmes(id) on delete cascade,
  phase text not null check (phase in ('pre_implementation','implementation','sustainability')),
  start_date date not null,
  end_date date,
  primary key (programme_id, phase),
  check (end_date is null or end_date >= start_date)
);
create table programme_sites (
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer not null references sites(id),
  target_enrolment integer check (target_enrolment is null or target_enrolment >= 0),
  primary key (programme_id, site_id)
);
create index programme_sites_site_idx on programme_sites(site_id);

create table professionals (
  id serial primary key,
  code text not null unique,
  site_id integer not null references sites(id),
  profile text not null check (profile in ('psychiatrist','psychologist','nurse','rehabilitation_therapist','educator','social_worker','other')),
  in_implementation_team boolean not null default false,
  team_coordinator boolean not null default false,
  trained boolean not null default false,
  training_hours numeric check (training_hours is null or training_hours >= 0),
  check (not team_coordinator or in_implementation_team)
);
create index professionals_site_idx on professionals(site_id);

create table user_roles (
  id serial primary key,
  user_id integer not null references users(id) on delete cascade,
  role text not null check (role in ('administrator','regional_coordinator','site_coordinator','clinician','viewer')),
  programme_id integer references programmes(id) on delete cascade,
  site_id integer references sites(id),
  professional_id integer references professionals(id) on delete set null,
  check (
    (role = 'administrator' and programme_id is null and site_id is null) or
    (role = 'regional_coordinator' and programme_id is not null and site_id is null) or
    (role in ('site_coordinator','clinician') and site_id is not null and programme_id is null) or
    (role = 'viewer' and site_id is null)
  )
);
create index user_roles_user_idx on user_roles(user_id);

create table sessions (
  id_hash text primary key,
  user_id integer not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions(user_id);

create table login_failures (
  key text not null,
  at timestamptz not null default now()
);
create index login_failures_key_idx on login_failures(key, at);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id integer,
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text,
  site_id integer,
  programme_id integer,
  detail jsonb not null,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log(at);
create index audit_log_entity_idx on audit_log(entity, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("the foundation migration cannot be reverted");
}
