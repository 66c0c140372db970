import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 11: a target on any indicator of a programme — built-in or the programme's own — with
 * the direction that makes it "met", for the whole programme (`site_id` null: the programme row)
 * or for one of its sites (that site's row). At most one of each per programme, indicator and
 * site. How they resolve against the definitions' own targets is in indicators/targets.ts and
 * docs/indicators.md.
 *
 * A change bumps the programme's indicator data_version through the same statement-level
 * trigger as indicator_definitions and indicator_pins (migration 0004), so every memoized
 * indicators answer on every server is recomputed with the new targets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table indicator_targets (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  indicator_id text not null,
  site_id integer references sites(id) on delete cascade,
  value double precision not null,
  direction text not null check (direction in ('higher_is_better', 'lower_is_better')),
  updated_at timestamptz not null default now()
);
create unique index indicator_targets_programme_row on indicator_targets (programme_id, indicator_id)
  where site_id is null;
create unique index indicator_targets_site_row on indicator_targets (programme_id, indicator_id, site_id)
  where site_id is not null;

create trigger indicator_targets_indicators_ins after insert on indicator_targets
  referencing new table as new_rows for each statement execute function indicator_touch_by_programme();
create trigger indicator_targets_indicators_upd after update on indicator_targets
  referencing old table as old_rows new table as new_rows for each statement execute function indicator_touch_by_programme();
create trigger indicator_targets_indicators_del after delete on indicator_targets
  referencing old table as old_rows for each statement execute function indicator_touch_by_programme();
create trigger indicator_targets_indicators_trunc after truncate on indicator_targets
  for each statement execute function indicator_touch_truncate();
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0015_indicator_targets cannot be reverted");
}
