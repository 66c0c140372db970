import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql, type Transaction } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "../../infra/db/database.ts";
import type { DB } from "../../infra/db/schema.ts";
import { type Batch, type Row, TABLE_NAMES, TABLES, type TableSpec, type Value } from "./tables.ts";

/**
 * Writers for the generated registry. Both run everything inside one transaction, so a failed
 * generation leaves nothing behind:
 * - `KyselySink` (PGlite, or PostgreSQL without a connection string): one
 *   `insert … select from unnest($1::text[], …)` per table and chunk — a handful of parameters
 *   whatever the row count, so statements stay small and set-based;
 * - `CopySink` (PostgreSQL): `COPY … FROM STDIN` streamed over its own connection.
 */
export interface Sink {
  readonly kind: "copy" | "insert";
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  write(table: TableSpec, rows: Row[]): Promise<void>;
  /** write rows already frozen (COPY FREEZE), allowed once the tables were truncated in this transaction */
  freeze: boolean;
}

// ---------- value encodings ----------

/** COPY text format: `\N` for null, backslash escapes for the characters COPY treats specially. */
export function copyValue(v: Value): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : v;
}
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One element of a PostgreSQL array literal. */
export function arrayElement(v: Value): string {
  if (v === null) return "NULL";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

// ---------- sinks ----------

const INSERT_CHUNK = 20_000;

class KyselySink implements Sink {
  readonly kind = "insert" as const;
  freeze = false;
  constructor(private readonly trx: Transaction<DB>) {}

  async query<T>(text: string): Promise<T[]> {
    const result = await sql.raw<T>(text).execute(this.trx);
    return result.rows;
  }

  async write(table: TableSpec, rows: Row[]): Promise<void> {
    const cols = table.columns;
    const names = sql.raw(cols.map(([c]) => c).join(", "));
    const select = sql.raw(cols.map(([c, type]) => `u.${c}::${type}`).join(", "));
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const arrays = cols.map((_, c) => `{${chunk.map((r) => arrayElement(r[c] ?? null)).join(",")}}`);
      const unnest = sql.join(arrays.map((a) => sql`${a}::text[]`));
      await sql`insert into ${sql.raw(table.name)} (${names}) select ${select} from unnest(${unnest}) as u(${names})`.execute(
        this.trx,
      );
    }
  }
}

class CopySink implements Sink {
  readonly kind = "copy" as const;
  freeze = false;
  constructor(private readonly client: pg.Client) {}

  async query<T>(text: string): Promise<T[]> {
    const result = await this.client.query(text);
    return result.rows as T[];
  }

  async write(table: TableSpec, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const names = table.columns.map(([c]) => c).join(", ");
    const options = this.freeze ? " with (freeze)" : "";
    const stream = this.client.query(copyFrom(`copy ${table.name} (${names}) from stdin${options}`));
    await pipeline(Readable.from(encodeCopy(rows)), stream);
  }
}

/** COPY text, in chunks of about 256 KB so memory stays flat whatever the batch size. */
function* encodeCopy(rows: Row[]): Generator<string> {
  let buf = "";
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) line += (i ? "\t" : "") + copyValue(row[i] ?? null);
    buf += `${line}\n`;
    if (buf.length > 262_144) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/**
 * Run `fn` with a sink inside one transaction: COPY over a dedicated connection when a PostgreSQL
 * URL is given (the connection uses the same search_path as `db`), otherwise inserts through `db`.
 */
export async function withSink<T>(
  db: Db,
  copyUrl: string | undefined,
  fn: (sink: Sink) => Promise<T>,
): Promise<T> {
  if (!copyUrl) return db.transaction().execute((trx) => fn(new KyselySink(trx)));
  const searchPath = (await sql<{ search_path: string }>`show search_path`.execute(db)).rows[0]!.search_path;
  const client = new pg.Client({ connectionString: copyUrl });
  await client.connect();
  try {
    await client.query("select set_config('search_path', $1, false)", [searchPath]);
    await client.query("begin");
    try {
      const out = await fn(new CopySink(client));
      await client.query("commit");
      return out;
    } catch (err) {
      await client.query("rollback").catch(() => {});
      throw err;
    }
  } finally {
    await client.end();
  }
}

/** Write a batch table by table, in foreign-key order. */
export async function writeBatch(sink: Sink, batch: Batch): Promise<void> {
  for (const name of TABLE_NAMES) {
    const rows = batch.rows[name];
    if (rows.length > 0) await sink.write(TABLES[name], rows);
  }
}

// ---------- bulk loading ----------

interface SavedConstraint {
  tbl: string;
  name: string;
  def: string;
  contype: string;
}
interface SavedIndex {
  name: string;
  def: string;
}

/**
 * For a load into empty tables: drop the registry's indexes, unique and primary keys
 * and foreign keys (those of the registry tables and those pointing at them), so that rows go in
 * without per-row index and trigger work; `restore` rebuilds them from their saved definitions
 * (same names, same definitions) and validates every foreign key in one pass. Both run inside the
 * load's transaction: a failure rolls the drop back too.
 */
export async function dropForBulkLoad(sink: Sink): Promise<() => Promise<void>> {
  const tables = `array[${TABLE_NAMES.map((t) => `'${t}'::regclass`).join(",")}]`;
  const constraints = await sink.query<SavedConstraint>(`
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype::text as contype
    from pg_constraint c
    where c.contype in ('p','u','f') and (c.conrelid = any(${tables}) or c.confrelid = any(${tables}))
    order by c.contype = 'f' desc, c.conrelid::regclass::text, c.conname`);
  const indexes = await sink.query<SavedIndex>(`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid = any(${tables})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p','u','x'))
    order by 1`);
  for (const c of constraints) await sink.query(`alter table ${c.tbl} drop constraint ${quoteIdent(c.name)}`);
  for (const i of indexes) await sink.query(`drop index ${i.name}`);
  // Truncating the (empty) tables in this transaction lets COPY write frozen rows: no hint bits to
  // set, no freezing later, when the index builds and the first queries read every page.
  const empty = await sink.query<{ empty: boolean }>(
    `select ${TABLE_NAMES.map((t) => `not exists (select 1 from ${t})`).join(" and ")} as empty`,
  );
  if (empty[0]?.empty) {
    await sink.query(`truncate ${TABLE_NAMES.join(", ")}`);
    sink.freeze = sink.kind === "copy";
  }
  return async () => {
    await sink.query("set local maintenance_work_mem = '512MB'");
    const keys = constraints.filter((c) => c.contype !== "f");
    const foreign = constraints.filter((c) => c.contype === "f");
    for (const c of [...keys].reverse())
      await sink.query(`alter table ${c.tbl} add constraint ${quoteIdent(c.name)} ${c.def}`);
    for (const i of indexes) await sink.query(i.def);
    for (const c of foreign)
      await sink.query(`alter table ${c.tbl} add constraint ${quoteIdent(c.name)} ${c.def}`);
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Move every serial sequence of the registry past the explicit ids written. */
export async function syncSequences(sink: Sink): Promise<void> {
  for (const name of TABLE_NAMES) {
    const serial = TABLES[name].serial;
    if (!serial) continue;
    await sink.query(
      `select setval(pg_get_serial_sequence('${name}', '${serial}'), m) from (select max(${serial}) as m from ${name}) s where m is not null`,
    );
  }
}
