import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 5: staff turnover from the team's history. A professional gains the day they
 * joined the site and the day they left it (both may be unknown: a professional recorded before
 * this migration has been in post "since before the records"). A professional who left keeps
 * their row — interventions and training still name them — and is no longer in the
 * implementation team (`teams/update-professional.ts` clears the flags in the same write).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table professionals add column joined_on date;
alter table professionals add column left_on date;
alter table professionals add constraint professionals_left_after_joined
  check (left_on is null or joined_on is null or left_on >= joined_on);
alter table professionals add constraint professionals_left_not_in_team
  check (left_on is null or not in_implementation_team);
create index professionals_site_history_idx on professionals (site_id, left_on);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0026_staff_history cannot be reverted");
}
