import fs from "node:fs";
import path from "node:path";
import { sql, type Transaction } from "kysely";
import { type Actor, audit } from "../infra/audit/audit.ts";
import { type Db, withoutStatementTimeout } from "../infra/db/database.ts";
import { appliedMigrations, migrationNames } from "../infra/db/migrate.ts";
import type { DB } from "../infra/db/schema.ts";
import { BackupWriter, FORMAT, FORMAT_VERSION, type Manifest } from "./format.ts";
import { isOmitted, primaryKey, selfReferencing, tablesInForeignKeyOrder } from "./tables.ts";

/** Rows fetched from a table's cursor at a time. */
const FETCH_ROWS = 2000;

export interface BackupSummary {
  file: string;
  manifest: Manifest;
  bytes: number;
  ms: number;
  /** False when the database's schema is older than this Praxis (no audit entry written). */
  audited: boolean;
}

/**
 * Write a backup of the whole database to `file` (refused if it exists): every table read in
 * one snapshot — a REPEATABLE READ, READ ONLY transaction — so it is consistent while others
 * keep writing (on PostgreSQL they are not even slowed; on the embedded database the snapshot
 * holds its one connection, so requests wait until it is written). The file appears only when
 * complete: it is written as `file.partial-PID`, synced and renamed. Audited (action "backup")
 * after the snapshot, outside it.
 */
export async function takeBackup(
  db: Db,
  options: { file: string; source: "pglite" | "postgresql"; actor: Actor },
): Promise<BackupSummary> {
  const started = performance.now();
  const file = path.resolve(options.file);
  if (fs.existsSync(file)) throw new Error(`${options.file} already exists; choose a new file name`);
  const partial = `${file}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const writer = new BackupWriter(partial);
  let manifest: Manifest;
  try {
    manifest = await db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute((trx) => writeSnapshot(trx, writer, options.source));
    fs.renameSync(partial, file);
  } catch (err) {
    await writer.abort();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  // A database not yet migrated to this version (backed up before an upgrade) cannot take this
  // version's audit entry (its columns may differ): the backup is then not audited, and says so.
  const current = migrationNames().every((m) => manifest.migrations.includes(m));
  if (!current)
    return {
      file,
      manifest,
      bytes: fs.statSync(file).size,
      ms: Math.round(performance.now() - started),
      audited: false,
    };
  await audit(db, options.actor, {
    action: "backup",
    entity: "database",
    detail: {
      file: path.basename(file),
      formatVersion: manifest.formatVersion,
      tables: manifest.tables.length,
      rows,
      auditEntries: manifest.audit.entries,
    },
  });
  return {
    file,
    manifest,
    bytes: fs.statSync(file).size,
    ms: Math.round(performance.now() - started),
    audited: true,
  };
}

async function writeSnapshot(
  trx: Transaction<DB>,
  writer: BackupWriter,
  source: "pglite" | "postgresql",
): Promise<Manifest> {
  // taken by the server (GET /api/backup), its sessions' statement timeout would cut a long count
  await withoutStatementTimeout(trx);
  const migrations = await appliedMigrations(trx);
  const all = await tablesInForeignKeyOrder(trx);
  const included = all.filter((t) => !isOmitted(t));
  const selfRefs = await selfReferencing(trx);
  const tables: Manifest["tables"] = [];
  for (const name of included) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(trx);
    tables.push({ name, rows: Number(rows[0]!.n) });
  }
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from audit_log order by seq desc limit 1`.execute(trx);
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    source,
    migrations,
    tables,
    omitted: all.filter((t) => isOmitted(t)),
    audit: { entries: Number(head.rows[0]?.seq ?? 0), hash: head.rows[0]?.hash ?? null },
  };
  await writer.json(manifest);
  let total = 0;
  for (const table of tables) {
    await writer.json({ table: table.name, rows: table.rows });
    // a table that references itself is written parents first (its key order)
    const key = selfRefs.has(table.name) ? await primaryKey(trx, table.name) : [];
    const order = key.length ? sql` order by ${sql.join(key.map((c) => sql.ref(c)))}` : sql``;
    await sql`declare backup_rows no scroll cursor for
      select to_jsonb(t)::text as row from ${sql.table(table.name)} t${order}`.execute(trx);
    let written = 0;
    for (;;) {
      const batch = await sql<{ row: string }>`fetch ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(trx);
      for (const r of batch.rows) await writer.line(r.row);
      written += batch.rows.length;
      if (batch.rows.length < FETCH_ROWS) break;
    }
    await sql`close backup_rows`.execute(trx);
    if (written !== table.rows)
      throw new Error(
        `table ${table.name} changed during the snapshot (${table.rows} rows counted, ${written} read)`,
      );
    total += written;
  }
  await writer.finish(tables.length, total);
  return manifest;
}
