import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Every change that can alter or revoke a signed-in principal announces itself on the channel
 * `praxis_auth_<schema>` when its transaction commits, whoever made it (a route, the CLI, an
 * import, another server, psql). Servers cache principals per process and drop what a message
 * names (infra/auth/principal-cache.ts):
 *
 * - `s:<session hash>`: a session was deleted (logout, expiry, password change, user disabled)
 *   or changed other than its `last_seen_at` heartbeat;
 * - `u:<user id>`: a user's row (name, language, active, password, must-change…) or grants
 *   changed, or the sites of a programme the user coordinates regionally;
 * - `*`: too many at once (more than 200 in one statement): drop everything.
 *
 * Statement-level triggers with transition tables keep a bulk change to one trigger call. The
 * payloads stay far below PostgreSQL's 8000-byte limit. Runs on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create function praxis_auth_channel(schema_name text) returns text
language sql immutable as $$ select 'praxis_auth_' || lower(schema_name) $$;

-- sessions: deleted (statement level: a user's sessions go in one statement)
create function praxis_auth_sessions_deleted() returns trigger
language plpgsql as $$
declare
  n integer;
begin
  select count(*) into n from old_rows;
  if n > 200 then
    perform pg_notify(praxis_auth_channel(tg_table_schema), '*');
  else
    perform pg_notify(praxis_auth_channel(tg_table_schema), 's:' || id_hash) from old_rows;
  end if;
  return null;
end $$;
create trigger sessions_auth_deleted after delete on sessions
  referencing old table as old_rows for each statement execute function praxis_auth_sessions_deleted();

-- sessions: changed in anything but the once-a-minute last_seen_at heartbeat
create function praxis_auth_session_changed() returns trigger
language plpgsql as $$
begin
  perform pg_notify(praxis_auth_channel(tg_table_schema), 's:' || old.id_hash);
  return null;
end $$;
create trigger sessions_auth_changed after update on sessions for each row
  when ((to_jsonb(old) - 'last_seen_at') is distinct from (to_jsonb(new) - 'last_seen_at'))
  execute function praxis_auth_session_changed();

-- users: any change to the row (a new user has no session to revoke)
create function praxis_auth_user_changed() returns trigger
language plpgsql as $$
begin
  perform pg_notify(praxis_auth_channel(tg_table_schema), 'u:' || old.id);
  return null;
end $$;
create trigger users_auth_changed after update on users for each row
  when (old.* is distinct from new.*) execute function praxis_auth_user_changed();
create trigger users_auth_deleted after delete on users for each row
  execute function praxis_auth_user_changed();

-- grants, and the sites of programmes a user coordinates: the users concerned
create function praxis_auth_notify_users(schema_name text, user_ids integer[]) returns void
language plpgsql as $$
begin
  if cardinality(user_ids) > 200 then
    perform pg_notify(praxis_auth_channel(schema_name), '*');
  else
    perform pg_notify(praxis_auth_channel(schema_name), 'u:' || id) from unnest(user_ids) as id;
  end if;
end $$;

create function praxis_auth_grants_changed() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform praxis_auth_notify_users(tg_table_schema, array(select distinct user_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform praxis_auth_notify_users(tg_table_schema, array(select distinct user_id from old_rows));
  else
    perform praxis_auth_notify_users(tg_table_schema, array(
      select user_id from old_rows union select user_id from new_rows));
  end if;
  return null;
end $$;
create trigger user_roles_auth_inserted after insert on user_roles
  referencing new table as new_rows for each statement execute function praxis_auth_grants_changed();
create trigger user_roles_auth_deleted after delete on user_roles
  referencing old table as old_rows for each statement execute function praxis_auth_grants_changed();
create trigger user_roles_auth_updated after update on user_roles
  referencing old table as old_rows new table as new_rows
  for each statement execute function praxis_auth_grants_changed();

create function praxis_auth_programme_sites_changed() returns trigger
language plpgsql as $$
declare
  programmes integer[];
begin
  if tg_op = 'INSERT' then
    programmes := array(select distinct programme_id from new_rows);
  elsif tg_op = 'DELETE' then
    programmes := array(select distinct programme_id from old_rows);
  else
    programmes := array(select programme_id from old_rows union select programme_id from new_rows);
  end if;
  perform praxis_auth_notify_users(tg_table_schema, array(
    select distinct r.user_id from user_roles r
    where r.role = 'regional_coordinator' and r.programme_id = any(programmes)));
  return null;
end $$;
create trigger programme_sites_auth_inserted after insert on programme_sites
  referencing new table as new_rows for each statement execute function praxis_auth_programme_sites_changed();
create trigger programme_sites_auth_deleted after delete on programme_sites
  referencing old table as old_rows for each statement execute function praxis_auth_programme_sites_changed();
create trigger programme_sites_auth_updated after update on programme_sites
  referencing old table as old_rows new table as new_rows
  for each statement execute function praxis_auth_programme_sites_changed();

-- a truncate of any of them: everything
create function praxis_auth_truncated() returns trigger
language plpgsql as $$
begin
  perform pg_notify(praxis_auth_channel(tg_table_schema), '*');
  return null;
end $$;
create trigger sessions_auth_truncated after truncate on sessions
  for each statement execute function praxis_auth_truncated();
create trigger users_auth_truncated after truncate on users
  for each statement execute function praxis_auth_truncated();
create trigger user_roles_auth_truncated after truncate on user_roles
  for each statement execute function praxis_auth_truncated();
create trigger programme_sites_auth_truncated after truncate on programme_sites
  for each statement execute function praxis_auth_truncated();
`,
  );
}
