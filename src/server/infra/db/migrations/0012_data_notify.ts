import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Programme reference data — programmes, their sites and phases, the practices they implement —
 * announces every change on the channel `praxis_data_<schema>` when its transaction commits,
 * with the table's name as the payload, so servers can keep the programme list in memory
 * (programmes/summary-cache.ts) and still answer the next request with what was just written,
 * on any server. Statement-level triggers: one notification per statement and table (PostgreSQL
 * folds identical ones within a transaction). Runs on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create function praxis_data_channel(schema_name text) returns text
language sql immutable as $$ select 'praxis_data_' || lower(schema_name) $$;

create function praxis_data_changed() returns trigger
language plpgsql as $$
begin
  perform pg_notify(praxis_data_channel(tg_table_schema), tg_table_name);
  return null;
end $$;

create trigger programmes_data_changed after insert or update or delete or truncate on programmes
  for each statement execute function praxis_data_changed();
create trigger programme_sites_data_changed after insert or update or delete or truncate on programme_sites
  for each statement execute function praxis_data_changed();
create trigger programme_phases_data_changed after insert or update or delete or truncate on programme_phases
  for each statement execute function praxis_data_changed();
create trigger practices_data_changed after insert or update or delete or truncate on practices
  for each statement execute function praxis_data_changed();
`,
  );
}
