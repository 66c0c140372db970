import type { Writable } from "node:stream";
import { Kysely, PostgresDialect, type PostgresPool, sql, type Transaction } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../infra/db/database.ts";
import { applicationName } from "../infra/db/instance.ts";
import type { DB } from "../infra/db/schema.ts";
import { type FileRules, stagingTable } from "./spec.ts";
import {
  EncodedSink,
  encodeCsvRow,
  FIELD_SEPARATOR,
  RECORD_SEPARATOR,
  type StageSink,
  spoolBatches,
} from "./spool.ts";

/**
 * Where an import writes: one transaction, and a way to bulk-load staging tables inside it.
 *
 * On a PostgreSQL server (`copy`) the import takes a connection of its own, so it can use COPY
 * (the pool behind Kysely hides its clients); Kysely runs over that same connection, so the
 * COPY, the merges and the audit entry share one transaction. Rows are copied while the files
 * are read. On PGlite (`batch`), or when no connection string is known, validated rows wait in
 * spool files and are loaded afterwards by multi-megabyte statements.
 */
export type WriteSession =
  | {
      kind: "copy";
      transaction<T>(
        fn: (
          trx: Transaction<DB>,
          sink: (rules: FileRules, header: string[]) => Promise<StageSink>,
          /** A `COPY … FROM STDIN` on the transaction's connection (direct-load.ts). */
          copy: (statement: string) => Writable,
        ) => Promise<T>,
      ): Promise<T>;
      close(): Promise<void>;
    }
  | {
      kind: "batch";
      transaction<T>(
        fn: (trx: Transaction<DB>, load: (rules: FileRules, spool: string) => Promise<void>) => Promise<T>,
      ): Promise<T>;
      close(): Promise<void>;
    };

/** The same conversions as database.ts: int8/numeric as numbers, dates as `YYYY-MM-DD` text. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openWriteSession(database: Database, databaseUrl?: string): Promise<WriteSession> {
  if (database.kind === "postgresql" && databaseUrl) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
    const schema = rows[0]?.schema ?? "public";
    if (/^[a-z_][a-z0-9_]*$/.test(schema)) return copySession(databaseUrl, schema);
  }
  return batchSession(database);
}

/**
 * The temporary table a file's rows are staged in, dropped at commit; `extra` text columns take
 * the values of columns the import ignores (COPY cannot skip an input column).
 */
export async function createStaging(
  trx: Transaction<DB>,
  rules: FileRules,
  extra: string[] = [],
): Promise<string> {
  const table = stagingTable(rules.file);
  const columns = [
    ...rules.staging.map(([c, t]) => sql`${sql.id(c)} ${sql.raw(t === "int" ? "integer" : t)}`),
    ...extra.map((c) => sql`${sql.id(c)} text`),
  ];
  await sql`create temp table ${sql.table(table)} (line integer not null, ${sql.join(columns)}) on commit drop`.execute(
    trx,
  );
  return table;
}

async function copySession(url: string, schema: string): Promise<WriteSession> {
  const client = new pg.Client({
    connectionString: url,
    // named, so an operator (or the benchmark) can find the import's backend in pg_stat_activity
    application_name: applicationName("import"),
    types: types as pg.CustomTypesConfig,
    ...(schema === "public" ? {} : { options: `-c search_path=${schema}` }),
  });
  client.on("error", () => {
    /* surfaced by the next query */
  });
  await client.connect();
  const pool = {
    connect: async () => ({
      query: (text: string, values: unknown[]) => client.query(text, values),
      release: () => {},
    }),
    end: async () => {},
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) });
  return {
    kind: "copy",
    transaction: (fn) =>
      db.transaction().execute(async (trx) => {
        // Hash joins of a million staged rows against the registry, and index rebuilds, in
        // memory rather than in batches on disk: this transaction only, on the server.
        await sql`set local work_mem = '128MB'`.execute(trx);
        await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
        await deferFacts(trx);
        const copy = (statement: string) => client.query(copyFrom(statement));
        const stage = async (rules: FileRules, header: string[]) => {
          // The file's columns in its own order: a format column goes to its staging column
          // (same position in `rules.columns` and `rules.staging`), an ignored one to a spare.
          const columns = header.map((name, i) => {
            const at = rules.columns.indexOf(name);
            return at >= 0 ? rules.staging[at]![0] : `ignored_${i}`;
          });
          const table = await createStaging(
            trx,
            rules,
            columns.filter((c) => c.startsWith("ignored_")),
          );
          const list = columns.map((c) => `"${c}"`).join(", ");
          const stream = client.query(
            copyFrom(`copy ${table} (line, ${list}) from stdin with (format csv, force_null (${list}))`),
          );
          return new EncodedSink(stream, encodeCsvRow);
        };
        return fn(trx, stage, copy);
      }),
    close: async () => {
      await db.destroy();
      await client.end().catch(() => {});
    },
  };
}

function batchSession(database: Database): WriteSession {
  return {
    kind: "batch",
    transaction: (fn) =>
      database.db.transaction().execute(async (trx) => {
        // PGlite runs in this process and its memory only grows: keep index rebuilds' sorts small.
        await sql`set local maintenance_work_mem = '16MB'`.execute(trx);
        await deferFacts(trx);
        return fn(trx, async (rules, spool) => {
          const table = await createStaging(trx, rules);
          const columns = sql.join([sql.id("line"), ...rules.staging.map(([c]) => sql.id(c))]);
          // split_part per column: splitting into an array once per row is slower, as the
          // planner inlines the array expression into every subscript.
          const field = (i: number) => sql`split_part(r, ${FIELD_SEPARATOR}, ${sql.raw(String(i))})`;
          const values = sql.join([
            sql`${field(1)}::integer`,
            ...rules.staging.map(([, type], i) => {
              const cell = sql`nullif(${field(i + 2)}, '')`;
              return type === "text" ? cell : sql`${cell}::${sql.raw(type === "int" ? "integer" : type)}`;
            }),
          ]);
          for await (const batch of spoolBatches(spool)) {
            await sql`insert into ${sql.table(table)} (${columns})
              select ${values} from string_to_table(${batch}::text, ${RECORD_SEPARATOR}) as r`.execute(trx);
          }
        });
      }),
    close: async () => {},
  };
}

/**
 * Indicator facts during an import (migration 0008): the loads and merges apply intervention
 * deltas as they go, and the writer recomputes the enrolments of the patients the extract names
 * once at the end (`ImportWriter.finish`), instead of once per statement.
 */
async function deferFacts(trx: Transaction<DB>): Promise<void> {
  await sql`set local praxis.facts = 'deferred'`.execute(trx);
}
