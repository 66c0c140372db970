import { type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../infra/db/schema.ts";
import { suspendForLoad } from "./bulk-load.ts";
import type { MergeContext, MergeCounts } from "./spec.ts";

export interface MergeSpec {
  /** The registry table, keyed by `code`. */
  table: string;
  /** The stored columns a row of the file sets, besides `code` (replaced wholesale). */
  columns: readonly string[];
  /** The select list giving `code` then `columns`, over `from`. */
  values: RawBuilder<unknown>;
  /** The staging table `x` and the joins that turn codes into ids. */
  from: RawBuilder<unknown>;
  /** More assignments when a stored row changes (`version = t.version + 1`). */
  alsoOnUpdate?: RawBuilder<unknown>;
  /** Columns set only when a row is new, and their values (`region_id`). */
  onInsert?: { columns: readonly string[]; values: readonly RawBuilder<unknown>[] };
}

/**
 * Merge the staged rows of a file into its table, set-based, in two statements: update the stored
 * rows whose values differ (an unchanged row is not written at all), then insert the rows whose
 * code is new. The counts come from the statements; the rest of the file is unchanged.
 *
 * Two statements rather than `insert … on conflict do update`: measured on 1,000,000 new
 * interventions the upsert costs a third more server CPU (every row probes the unique index twice
 * and goes through speculative insertion), and re-importing an unchanged extract is a plain join.
 * Validation has already proven codes unique within the file, so the two sets do not overlap.
 */
export async function mergeInto(x: MergeContext, spec: MergeSpec): Promise<MergeCounts> {
  const { trx } = x;
  const table = sql.table(spec.table);
  const cols = spec.columns.map((c) => sql.id(c));
  const stored = sql.join(spec.columns.map((c) => sql.ref(`t.${c}`)));
  const proposed = sql.join(spec.columns.map((c) => sql.ref(`n.${c}`)));
  const assign = sql.join([
    ...spec.columns.map((c) => sql`${sql.id(c)} = ${sql.ref(`n.${c}`)}`),
    ...(spec.alsoOnUpdate ? [spec.alsoOnUpdate] : []),
  ]);
  const { rows: probe } = await sql<{
    empty: boolean;
  }>`select not exists (select 1 from ${table}) as empty`.execute(trx);
  const empty = probe[0]?.empty ?? false;
  // Into an empty table (a first load) there is nothing to update: skip the join.
  const update = empty
    ? { numAffectedRows: 0n }
    : await sql`
        update ${table} as t set ${assign}
        from (select ${spec.values} ${spec.from}) as n (code, ${sql.join(cols)})
        where t.code = n.code and (${stored}) is distinct from (${proposed})`.execute(trx);
  const insertCols = sql.join([
    sql.id("code"),
    ...cols,
    ...(spec.onInsert?.columns ?? []).map((c) => sql.id(c)),
  ]);
  const insertValues = spec.onInsert?.values.length ? sql`, ${sql.join([...spec.onInsert.values])}` : sql``;
  // Into an empty table every row is new (validation proved the codes unique within the file),
  // so no row is checked against the table. The check would also be quadratic there: planned
  // against a table with no rows, it scans the table once per row while the insert fills it
  // (24,524 assessments: 2.7 s, docs/benchmarks.md, issue 9).
  const fresh = empty ? sql`` : sql`where not exists (select 1 from ${table} e where e.code = x.code)`;
  const insert = await withBulkLoad(trx, spec.table, x, empty, () =>
    sql`
      insert into ${table} (${insertCols})
      select ${spec.values}${insertValues} ${spec.from}
      ${fresh}`.execute(trx),
  );
  return { inserted: Number(insert.numAffectedRows ?? 0), updated: Number(update.numAffectedRows ?? 0) };
}

/**
 * A large load next to the table drops its foreign keys, and its plain indexes too when it at
 * least doubles the table, and rebuilds them afterwards (`bulk-load.ts`): measured on 1,000,000
 * interventions it halves the server's work. Small loads, or loads into a much larger table,
 * keep the constraints and indexes in place.
 */
async function withBulkLoad<T>(
  trx: Transaction<DB>,
  table: string,
  x: MergeContext,
  empty: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  if (x.rows < 10_000) return fn();
  // The table's size from its statistics (or its pages, if never analysed); the rows to insert
  // counted exactly, unless the table is empty — a re-import of a big extract inserts nothing.
  const { rows: size } = await sql<{ estimate: number }>`
    select case when reltuples >= 0 then reltuples else relpages * 50 end::float8 as estimate
    from pg_class where oid = ${table}::regclass`.execute(trx);
  const existing = empty ? 0 : Math.max(1, Number(size[0]?.estimate ?? 0));
  const fresh = empty
    ? x.rows
    : Number(
        (
          await sql<{ n: number }>`
            select count(*)::float8 as n from ${sql.table(x.staging)} x
            where not exists (select 1 from ${sql.table(table)} e where e.code = x.code)`.execute(trx)
        ).rows[0]?.n ?? 0,
      );
  const dropKeys = fresh >= 10_000 && fresh * 10 >= existing;
  const dropIndexes = fresh >= 10_000 && fresh >= existing;
  const restore = await suspendForLoad(trx, table, { foreignKeys: dropKeys, plainIndexes: dropIndexes });
  const out = await fn();
  await restore();
  return out;
}
