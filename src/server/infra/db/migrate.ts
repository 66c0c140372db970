import { type Migration, type MigrationProvider, Migrator, sql, type Transaction } from "kysely";
import type { Db } from "./database.ts";
import type { Executor } from "./executor.ts";
import * as m0001 from "./migrations/0001_foundation.ts";
import * as m0002 from "./migrations/0002_registry.ts";
import * as m0003 from "./migrations/0003_exchange.ts";
import * as m0004 from "./migrations/0004_indicators.ts";
import * as m0005 from "./migrations/0005_registry_extra.ts";
import * as m0006 from "./migrations/0006_planning.ts";
import * as m0007 from "./migrations/0007_measures.ts";
import * as m0008 from "./migrations/0008_indicator_facts.ts";
import * as m0011 from "./migrations/0011_auth_notify.ts";
import * as m0012 from "./migrations/0012_data_notify.ts";
import * as m0013 from "./migrations/0013_hardening.ts";
import * as m0014 from "./migrations/0014_facts_few_enrolments.ts";
import * as m0015 from "./migrations/0015_indicator_targets.ts";
import * as m0016 from "./migrations/0016_planning_from_region.ts";
import * as m0017 from "./migrations/0017_report_texts_and_boundaries.ts";
import * as m0018 from "./migrations/0018_protocols.ts";
import * as m0019 from "./migrations/0019_care_records.ts";
import * as m0020 from "./migrations/0020_indicator_version_notify.ts";
import * as m0021 from "./migrations/0021_directory.ts";
import * as m0022 from "./migrations/0022_site_status.ts";
import * as m0023 from "./migrations/0023_declined_offers.ts";
import * as m0024 from "./migrations/0024_pathways.ts";
import * as m0025 from "./migrations/0025_planning_chain_links.ts";
import * as m0026 from "./migrations/0026_staff_history.ts";
import * as m0027 from "./migrations/0027_offers_indicator.ts";
import * as m0028 from "./migrations/0028_facts_rebuild_one_pass.ts";
import * as m0029 from "./migrations/0029_facts_refresh_few_lean.ts";
import * as m0030 from "./migrations/0030_facts_rebuild_from_import_pass.ts";
import type { DB } from "./schema.ts";

/** Numbered migrations, in order. Add new ones here: the name fixes their order forever. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_registry": m0002,
  "0003_exchange": m0003,
  "0004_indicators": m0004,
  "0005_registry_extra": m0005,
  "0006_planning": m0006,
  "0007_measures": m0007,
  "0008_indicator_facts": m0008,
  "0011_auth_notify": m0011,
  "0012_data_notify": m0012,
  "0013_hardening": m0013,
  "0014_facts_few_enrolments": m0014,
  "0015_indicator_targets": m0015,
  "0016_planning_from_region": m0016,
  "0017_report_texts_and_boundaries": m0017,
  "0018_protocols": m0018,
  "0019_care_records": m0019,
  "0020_indicator_version_notify": m0020,
  "0021_directory": m0021,
  "0022_site_status": m0022,
  "0023_declined_offers": m0023,
  "0024_pathways": m0024,
  "0025_planning_chain_links": m0025,
  "0026_staff_history": m0026,
  "0027_offers_indicator": m0027,
  "0028_facts_rebuild_one_pass": m0028,
  "0029_facts_refresh_few_lean": m0029,
  "0030_facts_rebuild_from_import_pass": m0030,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Bring the schema up to date; safe to run from several servers at once (Kysely takes a lock). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Name the schema explicitly: Kysely otherwise finds its tables in any schema of the database
  // and would take another schema's bookkeeping for ours.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  if (await upToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema: rows[0]!.schema,
    // numbers are reserved per capability and may land out of order; each runs once
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Every migration already recorded: the common case at start, answered with one query instead
 * of the migrator's lock, bookkeeping tables and listing (about half a second on PGlite). Any
 * doubt (no bookkeeping table yet, a migration missing) falls through to the migrator.
 */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`
      select name from kysely_migration where name in (${sql.join(Object.keys(migrations))})`.execute(db);
    return rows.length === Object.keys(migrations).length;
  } catch {
    return false;
  }
}

/** Every migration this version knows, in the order the migrator runs them. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/** The migrations recorded in the database (none when it has no bookkeeping table yet). */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return [];
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return applied.rows.map((r) => r.name);
}

/**
 * Run the named migrations that are not recorded yet, in order, inside the caller's transaction
 * (a restore: schema, data and the later migrations commit together or not at all). Kysely's
 * migrator takes its own transaction, so this records them itself, in the migrator's tables
 * (same shape: it finds them and carries on from there).
 */
export async function migrateInTransaction(
  trx: Transaction<DB>,
  names: readonly string[],
): Promise<string[]> {
  await sql`create table if not exists kysely_migration (
    name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
  await sql`create table if not exists kysely_migration_lock (
    id varchar(255) not null primary key, is_locked integer not null default 0)`.execute(trx);
  const done = new Set(await appliedMigrations(trx));
  const ran: string[] = [];
  for (const name of [...names].sort()) {
    if (done.has(name)) continue;
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    await migration.up(trx);
    await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
      trx,
    );
    ran.push(name);
  }
  return ran;
}
