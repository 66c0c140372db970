import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 14 hardening:
 * - `audit_log` refuses TRUNCATE too (the row-level trigger of 0001 never sees it);
 * - each audit entry records the scheme of its hash: `sha256` (every entry before this
 *   migration, and new ones when PRAXIS_AUDIT_KEY is unset) or `hmac-sha256` (keyed with
 *   PRAXIS_AUDIT_KEY), so existing chains still verify after a key is configured;
 * - an import job records the server instance that runs it (`owner`, see infra/db/instance.ts),
 *   so a server starting can fail the jobs whose server died mid-write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

alter table audit_log add column scheme text not null default 'sha256'
  check (scheme in ('sha256', 'hmac-sha256'));

alter table import_jobs add column owner text;
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0013_hardening cannot be reverted");
}
