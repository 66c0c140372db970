import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 4: the implementation status of a programme's site over time — preparing,
 * active, paused, stopped — one row per change, numbered per programme and site (`version`, the
 * optimistic lock of the next change), with the civil date it took effect, why (a closed list of
 * reasons) and a short note. The current status is the latest by effective date (then version).
 * Rows are never updated: a correction is a new change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table site_status_changes (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer not null references sites(id),
  version integer not null check (version >= 1),
  status text not null check (status in ('preparing', 'active', 'paused', 'stopped')),
  effective_date date not null,
  reason text check (reason in ('staff_turnover', 'absence_of_staff', 'incidents_organisational', 'funding', 'other')),
  note text not null default '' check (length(note) <= 500),
  changed_by integer references users(id),
  changed_by_name text not null,
  created_at timestamptz not null default now(),
  unique (programme_id, site_id, version)
);
create index site_status_changes_site_idx on site_status_changes (site_id);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0022_site_status cannot be reverted");
}
