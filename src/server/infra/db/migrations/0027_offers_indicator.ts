import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 4: uptake is an indicator (source `offers` of the definition language), so a
 * declined offer changes indicator values. Like every other write the indicators read, it bumps
 * its programme's data version (the memo and cache of the programme) and the version of its
 * (programme, site) — the per-site cache of recomputed indicators — in the same statement.
 * Enrolments, the other half of uptake, already bump both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create function indicator_touch_declined_offers() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    perform indicator_bump(array(select id from programmes));
    update indicator_site_versions set version = version + 1;
    return null;
  end if;
  if tg_op = 'INSERT' then
    perform indicator_bump(array(select distinct programme_id from new_rows));
    perform indicator_bump_sites(array(select programme_id::bigint * 2147483648 + site_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform indicator_bump(array(select distinct programme_id from old_rows));
    perform indicator_bump_sites(array(select programme_id::bigint * 2147483648 + site_id from old_rows));
  else
    perform indicator_bump(array(select programme_id from new_rows union select programme_id from old_rows));
    perform indicator_bump_sites(array(
      select programme_id::bigint * 2147483648 + site_id from new_rows
      union select programme_id::bigint * 2147483648 + site_id from old_rows));
  end if;
  return null;
end $$;
create trigger declined_offers_indicators_ins after insert on declined_offers
  referencing new table as new_rows for each statement execute function indicator_touch_declined_offers();
create trigger declined_offers_indicators_upd after update on declined_offers
  referencing old table as old_rows new table as new_rows for each statement execute function indicator_touch_declined_offers();
create trigger declined_offers_indicators_del after delete on declined_offers
  referencing old table as old_rows for each statement execute function indicator_touch_declined_offers();
create trigger declined_offers_indicators_trunc after truncate on declined_offers
  for each statement execute function indicator_touch_declined_offers();
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0027_offers_indicator cannot be reverted");
}
