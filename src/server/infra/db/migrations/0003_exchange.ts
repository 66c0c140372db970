import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Import jobs of the web app: an upload becomes a job whose state and progress live here, so
 * whichever server the browser polls can answer. The job runs on the server that received the
 * upload; `updated_at` moves while it runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table import_jobs (
  id text primary key,
  user_id integer references users(id) on delete set null,
  actor text not null,
  status text not null check (status in ('queued','validating','writing','done','rejected')),
  options jsonb not null,
  files jsonb not null,
  progress jsonb not null,
  report jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index import_jobs_user_idx on import_jobs(user_id, created_at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, "drop table import_jobs;");
}
