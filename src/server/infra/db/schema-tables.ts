import { sql } from "kysely";
import type { Executor } from "./executor.ts";

/** A table of the current schema, with what its planner statistics last counted and its size now. */
export interface SchemaTable {
  name: string;
  /** Rows last counted (`reltuples`; negative: never). */
  counted: number;
  /** Pages last counted (`relpages`). */
  pagesThen: number;
  /** Pages now. */
  pagesNow: number;
}

/** Every table of the current schema (plain and partitioned), by name. */
export async function schemaTables(db: Executor): Promise<SchemaTable[]> {
  const { rows } = await sql<SchemaTable>`
    select c.relname as name, c.reltuples::float8 as counted, c.relpages as "pagesThen",
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as "pagesNow"
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  return rows.map((r) => ({ ...r, counted: Number(r.counted) }));
}
