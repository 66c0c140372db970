import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type PostgresPool, sql, type Transaction } from "kysely";
import pg from "pg";
import { isAlive } from "../process-alive.ts";
import { applicationName } from "./instance.ts";
import { type ChannelHandlers, type ChannelListener, listenPGlite, listenPostgres } from "./notifications.ts";
import { type Creation, openInMemory, openOnDisk } from "./pglite/open.ts";
import { PGlitePool } from "./pglite-pool.ts";
import type { DB } from "./schema.ts";

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgresql";
  /** A human description of where the data lives (never the password). */
  location: string;
  /** Subscribe to notification channels (LISTEN); see notifications.ts. */
  listen(channels: readonly string[], handlers: ChannelHandlers): Promise<ChannelListener>;
  close(): Promise<void>;
}

/** Type OIDs whose text form we keep or convert the same way on PGlite and on `pg`. */
const OID = { int8: 20, numeric: 1700, date: 1082, dateArray: 1182, textArray: 1009 } as const;
const toNumber = (v: string) => Number(v);
const keepText = (v: string) => v;

/** A one-line, password-free description of a connection string. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "an unparseable DATABASE_URL";
  }
}

export class DatabaseUnavailableError extends Error {}

export interface PostgresOptions {
  poolSize?: number;
  schema?: string;
  /** statement_timeout and lock_timeout of the pool's sessions (none when unset). */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}) {
  const types = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === OID.int8 || oid === OID.numeric) return toNumber;
      if (oid === OID.date) return keepText;
      // date[] as text too (pg would make Date objects, PGlite keeps strings)
      if (oid === OID.dateArray)
        return (pg.types.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(
          OID.textArray,
          format,
        );
      return pg.types.getTypeParser(oid, format);
    },
  };
  const connection = {
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    keepAlive: true,
    application_name: applicationName(),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({
    ...connection,
    ...(options.statementTimeoutMs
      ? { statement_timeout: options.statementTimeoutMs, lock_timeout: options.statementTimeoutMs }
      : {}),
    max: options.poolSize ?? 10,
    types: types as pg.CustomTypesConfig,
  });
  pool.on("error", () => {
    /* idle client errors are surfaced on the next query */
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const reason = err instanceof Error ? (err as NodeJS.ErrnoException).code || err.message : String(err);
    throw new DatabaseUnavailableError(`cannot connect to PostgreSQL at ${describeUrl(url)}: ${reason}`);
  }
  const db: Db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgresql" as const,
    location: describeUrl(url),
    listen: (channels: readonly string[], handlers: ChannelHandlers) =>
      listenPostgres({ ...connection, application_name: applicationName("listen") }, channels, handlers),
    close: () => db.destroy(),
  } satisfies Database;
}

/**
 * Open PGlite in `dataDir` (created if needed; the database in `dataDir/pgdata`), or in memory
 * when dataDir is undefined. Settings, durability and creation: `pglite/`.
 */
export async function openPGlite(dataDir: string | undefined): Promise<Database & { creation?: Creation }> {
  let unlock = () => {};
  if (dataDir) {
    checkWritable(dataDir);
    unlock = lockDataDir(dataDir);
  }
  const parsers = { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: keepText };
  let pglite: PGlite;
  let creation: Creation | undefined;
  try {
    if (dataDir) ({ pglite, creation } = await openOnDisk(path.join(dataDir, "pgdata"), { parsers }));
    else pglite = await openInMemory({ parsers });
  } catch (err) {
    unlock();
    throw err;
  }
  const pool = new PGlitePool(pglite);
  const db: Db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) });
  return {
    db,
    kind: "pglite",
    location: dataDir ? path.join(dataDir, "pgdata") : "memory",
    creation,
    listen: (channels, handlers) => listenPGlite(pglite, channels, handlers),
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

const NOT_WRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

/**
 * The embedded database writes its directory (WAL, pages, the pid lock): on a read-only one it
 * would fail deep inside PGlite with a stack trace. Check first, with a real write (permission
 * bits say nothing to root, nor about a read-only mount), and say what to do.
 */
function checkWritable(dataDir: string): void {
  const fail = (where: string, err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new DatabaseUnavailableError(
      `the embedded database cannot write to ${where} (${code}${code === "EROFS" ? ": read-only file system" : ": permission denied"}): give the server's user write access to it, or set PRAXIS_DATA_DIR (--data-dir) to a writable directory`,
    );
  };
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    if (NOT_WRITABLE.has((err as NodeJS.ErrnoException).code ?? "")) fail(dataDir, err);
    throw err;
  }
  for (const dir of [dataDir, path.join(dataDir, "pgdata")]) {
    if (dir !== dataDir && !fs.existsSync(dir)) continue;
    const probe = path.join(dir, `.praxis-write-test-${process.pid}`);
    try {
      fs.writeFileSync(probe, "");
      fs.unlinkSync(probe);
    } catch (err) {
      if (NOT_WRITABLE.has((err as NodeJS.ErrnoException).code ?? "")) fail(dir, err);
      throw err;
    }
  }
}

/** PGlite is single-process: refuse a second process on the same directory with a clear message. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "praxis.pid");
  try {
    const other = Number(fs.readFileSync(lockFile, "utf8"));
    if (other && other !== process.pid && isAlive(other)) {
      throw new DatabaseUnavailableError(
        `the embedded database in ${dataDir} is in use by process ${other}; stop it first, or set DATABASE_URL to share a PostgreSQL server`,
      );
    }
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw err;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

/**
 * Open the configured database. `serving`: for the HTTP server, whose PostgreSQL sessions get
 * the statement and lock timeouts of the configuration (the CLI's long commands do not).
 */
export async function openDatabase(
  cfg: { databaseUrl?: string; dataDir: string; dbStatementTimeoutMs?: number; dbConnectTimeoutMs?: number },
  options: { serving?: boolean } = {},
): Promise<Database> {
  return cfg.databaseUrl
    ? openPostgres(cfg.databaseUrl, {
        connectTimeoutMs: cfg.dbConnectTimeoutMs,
        ...(options.serving ? { statementTimeoutMs: cfg.dbStatementTimeoutMs } : {}),
      })
    : openPGlite(cfg.dataDir);
}

/**
 * Lift the server's statement timeout for the rest of this transaction: long admin operations
 * (indicator facts rebuild and verification, a programme change that recomputes facts).
 */
export async function withoutStatementTimeout(trx: Transaction<DB>): Promise<void> {
  await sql`set local statement_timeout = 0`.execute(trx);
  await sql`set local lock_timeout = 0`.execute(trx);
}
