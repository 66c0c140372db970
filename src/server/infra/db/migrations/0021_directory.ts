import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 2: the directory of services of every sector (health, social care, third
 * sector…) in a region, so people are not sent from one service to another in vain.
 *
 * - `directory_services`: one service, its code unique in its region; a phone, an e-mail address
 *   and a web address, each of which may be private (a private contact is never shown on the
 *   public page);
 *   `version` for optimistic locking; the full-text index over code, name, description, eligibility and referral text
 *   (an expression index, not a generated column: a backup restores rows with `select *`;
 *   'simple' configuration: the
 *   directory is written in Italian and English alike, and 'simple' needs no dictionary, so it
 *   answers the same on PostgreSQL 15 and PGlite).
 * - `directory_service_areas`: the areas a service serves (areas of its region).
 * - `directory_settings`: per region, whether the public page is on (no row: off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table directory_services (
  id serial primary key,
  region_id integer not null references regions(id),
  code text not null,
  name text not null,
  sector text not null check (sector in ('health', 'social_care', 'third_sector', 'housing', 'employment', 'education', 'peer_support', 'other')),
  description text not null default '',
  eligibility text not null default '',
  referral_route text not null check (referral_route in ('self', 'professional', 'both')),
  referral_how text not null default '',
  phone text,
  phone_private boolean not null default false,
  email text,
  email_private boolean not null default false,
  web text,
  web_private boolean not null default false,
  opening_hours text not null default '',
  languages text[] not null default '{}',
  active boolean not null default true,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (region_id, code)
);
create index directory_services_search on directory_services using gin (
  to_tsvector('simple'::regconfig, code || ' ' || name || ' ' || description || ' ' || eligibility || ' ' || referral_how)
);

create table directory_service_areas (
  service_id integer not null references directory_services(id) on delete cascade,
  area_id integer not null references areas(id),
  primary key (service_id, area_id)
);
create index directory_service_areas_area on directory_service_areas (area_id);

create table directory_settings (
  region_id integer primary key references regions(id),
  public_enabled boolean not null default false,
  updated_at timestamptz not null default now()
);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0021_directory cannot be reverted");
}
