import path from "node:path";
import { sql, type Transaction } from "kysely";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Db } from "../infra/db/database.ts";
import { appliedMigrations, migrateInTransaction, migrationNames } from "../infra/db/migrate.ts";
import type { DB } from "../infra/db/schema.ts";
import { schemaTables } from "../infra/db/schema-tables.ts";
import { analyzeSchema } from "../infra/db/statistics.ts";
import { BackupFormatError, BackupReader, type Manifest } from "./format.ts";
import { BOOKKEEPING_TABLES, syncAllSequences } from "./tables.ts";

/** Rows (or bytes of JSON) sent to the database per insert. */
const BATCH_ROWS = 2000;
const BATCH_BYTES = 4 * 1024 * 1024;

/** A restore refused before anything was written (a non-empty target, a newer schema). */
export class RestoreRefused extends Error {}

export interface RestoreSummary {
  manifest: Manifest;
  rows: number;
  /** Migrations run after the data was loaded (the backup came from an older schema). */
  migrated: string[];
  programmesRebuilt: number;
  ms: number;
}

/** Read a backup's manifest (and check the file is one) without touching any database. */
export async function readManifest(file: string): Promise<Manifest> {
  const reader = await BackupReader.open(file);
  reader.close();
  return reader.manifest;
}

/**
 * Restore `file` into `db`, which must be empty (no rows in any table; its schema, if any, no
 * newer than the backup's). In one transaction: the schema up to the backup's migrations, every
 * table's rows in file order, the migrations this version has beyond the backup's, sequences
 * past the largest ids, the indicator facts rebuilt for every programme, the planner statistics
 * of every table, and an audit entry ("restore") appended to the restored chain. Any failure — a
 * damaged file found at its last line included — rolls all of it back.
 */
export async function restoreBackup(db: Db, file: string, actor: Actor): Promise<RestoreSummary> {
  const started = performance.now();
  const reader = await BackupReader.open(file);
  try {
    const manifest = reader.manifest;
    const known = new Set(migrationNames());
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length)
      throw new RestoreRefused(
        `the backup comes from a newer Praxis (migration ${unknown[0]} is unknown here); upgrade Praxis first`,
      );
    await checkEmpty(db, manifest);
    const outcome = await db.transaction().execute(async (trx) => {
      // the facts are rebuilt once at the end, not statement by statement (0008_indicator_facts)
      await sql`set local praxis.facts = 'off'`.execute(trx);
      await migrateInTransaction(trx, manifest.migrations);
      let rows = 0;
      for (const table of manifest.tables) rows += await loadTable(trx, reader, table);
      await reader.trailer(manifest.tables.length, rows);
      const migrated = await migrateInTransaction(trx, migrationNames());
      await syncAllSequences(trx);
      await sql`set local praxis.facts = 'on'`.execute(trx);
      const rebuilt = await sql<{ n: number }>`
        select count(indicator_rebuild_programme(id)) as n from (select id from programmes order by id) p`.execute(
        trx,
      );
      const programmesRebuilt = Number(rebuilt.rows[0]?.n ?? 0);
      // Every table was empty: without statistics the planner would go on guessing (PGlite has
      // no autovacuum to count them; infra/db/statistics.ts).
      await analyzeSchema(trx);
      await audit(trx, actor, {
        action: "restore",
        entity: "database",
        detail: {
          file: path.basename(file),
          createdAt: manifest.createdAt,
          source: manifest.source,
          formatVersion: manifest.formatVersion,
          tables: manifest.tables.length,
          rows,
          migrated,
          auditEntries: manifest.audit.entries,
          programmesRebuilt,
        },
      });
      return { rows, migrated, programmesRebuilt };
    });
    return { manifest, ...outcome, ms: Math.round(performance.now() - started) };
  } finally {
    reader.close();
  }
}

/** Refuse a target with data in any table, or with a schema newer than the backup's. */
async function checkEmpty(db: Db, manifest: Manifest): Promise<void> {
  const backupMigrations = new Set(manifest.migrations);
  const newer = (await appliedMigrations(db)).filter((m) => !backupMigrations.has(m));
  if (newer.length)
    throw new RestoreRefused(
      `the target database's schema is newer than the backup's (it has migration ${newer[0]}); restore into a database with no Praxis tables`,
    );
  for (const { name } of await schemaTables(db)) {
    if ((BOOKKEEPING_TABLES as readonly string[]).includes(name)) continue;
    const r = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(name)}) as any`.execute(
      db,
    );
    if (r.rows[0]?.any)
      throw new RestoreRefused(
        `the target database is not empty (table ${name} has rows); restore only into an empty database`,
      );
  }
}

async function loadTable(
  trx: Transaction<DB>,
  reader: BackupReader,
  table: Manifest["tables"][number],
): Promise<number> {
  const header = await reader.header(table.name);
  if (header.rows !== table.rows)
    throw new BackupFormatError(
      `${reader.file} is damaged: table ${table.name}'s row count differs from the manifest`,
    );
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    // a changed byte inside gzip is only caught by its checksum at the end of the file: the
    // database usually refuses the garbled rows first
    await sql`insert into ${sql.table(table.name)}
      select * from jsonb_populate_recordset(null::${sql.table(table.name)}, ${`[${batch.join(",")}]`}::jsonb)`
      .execute(trx)
      .catch((err: Error) => {
        throw new BackupFormatError(
          `${reader.file} is damaged or does not fit the schema: table ${table.name}: ${err.message.split("\n")[0]}`,
        );
      });
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < header.rows; i++) {
    const line = await reader.next();
    if (line === undefined) throw reader.truncated();
    if (!line.startsWith("{"))
      throw new BackupFormatError(
        `${reader.file} is damaged: a row of table ${table.name} is not a JSON object`,
      );
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return header.rows;
}
