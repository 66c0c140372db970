import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";
import { rebuildFromPass } from "./0028_facts_rebuild_one_pass.ts";

/**
 * Issue 9, what keeping facts costs an import: a programme's rebuild that reads its pass — the
 * (enrolment, month) and (programme, site, day) sums of migration 0028 — from the temporary table
 * `facts_import_pass` an import filled (indicators/facts/import-rebuild.ts), instead of joining
 * every loaded intervention to its enrolments on the server. The rest of the rebuild is 0028's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    rebuildFromPass(
      "indicator_rebuild_programme_from_pass",
      "(select * from facts_import_pass where programme_id = pid)",
    ),
  );
}

export async function down(): Promise<void> {
  throw new Error("0030_facts_rebuild_from_import_pass cannot be reverted");
}
