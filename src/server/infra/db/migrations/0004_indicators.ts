import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Indicators: user-defined indicator definitions and pinned indicators per programme, and the
 * result cache shared by every server.
 *
 * Cache invalidation: each programme has a `data_version`, bumped by statement-level triggers
 * on every table an indicator reads, in the same transaction as the change. A cached result is
 * used only while its stored data_version equals the programme's current one. What a change
 * touches:
 *   enrolments                         its programme(s)
 *   patients, interventions, assessments, treatment_plans
 *                                      every programme the patient is enrolled in
 *   groups, professionals, sites, areas every programme of the site (registered or with an
 *                                      enrolment there), and the group's own programme
 *   programme_sites, programme_phases, programmes   the programme
 *   indicator_definitions, indicator_pins  the programme (its set of indicators changed)
 * TRUNCATE of any of them bumps every programme. The bump is an upsert on one row per
 * programme, in programme id order: concurrent writers to one programme queue on that row until
 * commit, so versions grow in commit order and a reader never caches new data under an old
 * version that a later reader would trust.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table indicator_data_versions (
  programme_id integer primary key,
  version bigint not null default 0
);

create table indicator_cache (
  programme_id integer not null references programmes(id) on delete cascade,
  cache_key text not null,
  as_of date,
  data_version bigint not null,
  result jsonb not null,
  computed_at timestamptz not null default now(),
  primary key (programme_id, cache_key)
);

create table indicator_definitions (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  indicator_id text not null,
  definition jsonb not null,
  version integer not null default 1,
  created_by integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, indicator_id)
);

create table indicator_pins (
  programme_id integer not null references programmes(id) on delete cascade,
  indicator_id text not null,
  position integer not null,
  primary key (programme_id, indicator_id)
);

create function indicator_bump(ids integer[]) returns void language sql as $$
  insert into indicator_data_versions as v (programme_id, version)
  select p.id, 1 from programmes p where p.id = any(ids) order by p.id
  on conflict (programme_id) do update set version = v.version + 1
$$;

create function indicator_touch_truncate() returns trigger language plpgsql as $$
begin
  perform indicator_bump(array(select id from programmes));
  return null;
end $$;

create function indicator_touch_enrolments() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform indicator_bump(array(select distinct programme_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(select distinct programme_id from old_rows));
  else
    perform indicator_bump(array(select programme_id from new_rows union select programme_id from old_rows));
  end if;
  return null;
end $$;

create function indicator_touch_patient_records() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform indicator_bump(array(select distinct programme_id from enrolments
      where patient_id in (select patient_id from new_rows)));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(select distinct programme_id from enrolments
      where patient_id in (select patient_id from old_rows)));
  else
    perform indicator_bump(array(select distinct programme_id from enrolments
      where patient_id in (select patient_id from new_rows union all select patient_id from old_rows)));
  end if;
  return null;
end $$;

create function indicator_touch_patients() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform indicator_bump(array(select distinct programme_id from enrolments
      where patient_id in (select id from old_rows)));
  else
    perform indicator_bump(array(select distinct programme_id from enrolments
      where patient_id in (select id from new_rows)));
  end if;
  return null;
end $$;

-- The programmes of some sites: registered there, or with an enrolment there.
create function indicator_touch_site_records() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform indicator_bump(array(
      select programme_id from programme_sites where site_id in (select site_id from new_rows)
      union select programme_id from enrolments where site_id in (select site_id from new_rows)));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(
      select programme_id from programme_sites where site_id in (select site_id from old_rows)
      union select programme_id from enrolments where site_id in (select site_id from old_rows)));
  else
    perform indicator_bump(array(
      select programme_id from programme_sites
        where site_id in (select site_id from new_rows union all select site_id from old_rows)
      union select programme_id from enrolments
        where site_id in (select site_id from new_rows union all select site_id from old_rows)));
  end if;
  return null;
end $$;

-- Groups: the programmes of their sites, and their own programme.
create function indicator_touch_groups() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform indicator_bump(array(
      select programme_id from programme_sites where site_id in (select site_id from new_rows)
      union select programme_id from enrolments where site_id in (select site_id from new_rows)
      union select programme_id from new_rows where programme_id is not null));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(
      select programme_id from programme_sites where site_id in (select site_id from old_rows)
      union select programme_id from enrolments where site_id in (select site_id from old_rows)
      union select programme_id from old_rows where programme_id is not null));
  else
    perform indicator_bump(array(
      select programme_id from programme_sites
        where site_id in (select site_id from new_rows union all select site_id from old_rows)
      union select programme_id from enrolments
        where site_id in (select site_id from new_rows union all select site_id from old_rows)
      union select programme_id from new_rows where programme_id is not null
      union select programme_id from old_rows where programme_id is not null));
  end if;
  return null;
end $$;

create function indicator_touch_sites() returns trigger language plpgsql as $$
begin
  perform indicator_bump(array(
    select programme_id from programme_sites
      where site_id in (select id from new_rows union all select id from old_rows)
    union select programme_id from enrolments
      where site_id in (select id from new_rows union all select id from old_rows)));
  return null;
end $$;

create function indicator_touch_areas() returns trigger language plpgsql as $$
begin
  perform indicator_bump(array(
    select programme_id from programme_sites where site_id in (
      select id from sites where area_id in (select id from new_rows union all select id from old_rows))
    union select programme_id from enrolments where site_id in (
      select id from sites where area_id in (select id from new_rows union all select id from old_rows))));
  return null;
end $$;

-- Rows that name their programme: programme_sites, programme_phases, indicator_definitions, indicator_pins.
create function indicator_touch_by_programme() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform indicator_bump(array(select programme_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(select programme_id from old_rows));
  else
    perform indicator_bump(array(select programme_id from new_rows union select programme_id from old_rows));
  end if;
  return null;
end $$;

create function indicator_touch_programmes() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from indicator_data_versions where programme_id in (select id from old_rows);
  else
    perform indicator_bump(array(select id from new_rows));
  end if;
  return null;
end $$;
`,
  );

  const tables: Array<[table: string, fn: string]> = [
    ["enrolments", "indicator_touch_enrolments"],
    ["patients", "indicator_touch_patients"],
    ["interventions", "indicator_touch_patient_records"],
    ["assessments", "indicator_touch_patient_records"],
    ["treatment_plans", "indicator_touch_patient_records"],
    ["groups", "indicator_touch_groups"],
    ["professionals", "indicator_touch_site_records"],
    ["programme_sites", "indicator_touch_by_programme"],
    ["programme_phases", "indicator_touch_by_programme"],
    ["indicator_definitions", "indicator_touch_by_programme"],
    ["indicator_pins", "indicator_touch_by_programme"],
    ["programmes", "indicator_touch_programmes"],
  ];
  const statements: string[] = [];
  for (const [table, fn] of tables) {
    // Transition tables allow one event per trigger: three triggers per table.
    statements.push(
      `create trigger ${table}_indicators_ins after insert on ${table} referencing new table as new_rows for each statement execute function ${fn}()`,
      `create trigger ${table}_indicators_upd after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`,
      `create trigger ${table}_indicators_del after delete on ${table} referencing old table as old_rows for each statement execute function ${fn}()`,
      `create trigger ${table}_indicators_trunc after truncate on ${table} for each statement execute function indicator_touch_truncate()`,
    );
  }
  statements.push(
    `create trigger sites_indicators_upd after update on sites referencing old table as old_rows new table as new_rows for each statement execute function indicator_touch_sites()`,
    `create trigger areas_indicators_upd after update on areas referencing old table as old_rows new table as new_rows for each statement execute function indicator_touch_areas()`,
  );
  await runScript(db, statements.map((s) => `${s};`).join("\n"));
}

export async function down(): Promise<void> {
  throw new Error("the indicators migration cannot be reverted");
}
