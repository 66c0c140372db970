import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 10, the indicators API under load: every read asked the database for the programme's
 * data version before serving the memoized response — one query per request, most of the cost of
 * a cached dashboard on PGlite. The versions table now announces its changes on the `data`
 * channel (migration 0012's trigger function, payload `indicator_data_versions`), so each server
 * keeps the versions in memory (indicators/versions.ts) and still sees a write committed on any
 * server before the next request. One notification per statement; PostgreSQL folds identical
 * ones within a transaction, so a write that bumps a version costs one more at commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create trigger indicator_data_versions_data_changed
  after insert or update or delete or truncate on indicator_data_versions
  for each statement execute function praxis_data_changed();
`,
  );
}
