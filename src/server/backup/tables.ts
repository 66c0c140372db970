import { sql } from "kysely";
import type { Executor } from "../infra/db/executor.ts";
import { schemaTables } from "../infra/db/schema-tables.ts";

/**
 * Tables a backup leaves out.
 * - derived: the indicator facts (rebuilt from the registry by `indicator_rebuild_programme` at
 *   the end of a restore), their versions (bumped by the rebuild and the load's triggers) and the
 *   caches (filled again on first read). A rebuild is exact and `praxis indicators verify` checks
 *   it, so carrying them would only make the file larger and a restore slower.
 * - transient: sessions (everyone signs in again on the restored database) and login failures.
 * - the migrator's bookkeeping: the manifest lists the migrations instead.
 * Every other table of the schema, including one a later migration adds, is in the backup.
 */
export const DERIVED_TABLES = [
  "indicator_programme_params",
  "indicator_enrolment_facts",
  "indicator_site_days",
  "indicator_site_month_histograms",
  "indicator_site_versions",
  "indicator_site_cache",
  "indicator_data_versions",
  "indicator_cache",
] as const;
export const TRANSIENT_TABLES = ["sessions", "login_failures"] as const;
export const BOOKKEEPING_TABLES = ["kysely_migration", "kysely_migration_lock"] as const;

const OMITTED = new Set<string>([...DERIVED_TABLES, ...TRANSIENT_TABLES, ...BOOKKEEPING_TABLES]);

export function isOmitted(table: string): boolean {
  return OMITTED.has(table);
}

/** Every table of the current schema, a table after the tables it references (names break ties). */
export async function tablesInForeignKeyOrder(db: Executor): Promise<string[]> {
  const tables = await schemaTables(db);
  const edges = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid
    join pg_class pa on pa.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < parents.size) {
    const next = [...parents.keys()].find(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (!next) throw new Error("the schema's foreign keys form a cycle; a backup cannot order its tables");
    order.push(next);
    placed.add(next);
  }
  return order;
}

/** The primary-key columns of a table (to order a table that references itself). */
export async function primaryKey(db: Executor, table: string): Promise<string[]> {
  const { rows } = await sql<{ column: string }>`
    select a.attname as column
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass
      and i.indisprimary
    order by array_position(i.indkey, a.attnum)`.execute(db);
  return rows.map((r) => r.column);
}

/** Tables with a foreign key to themselves. */
export async function selfReferencing(db: Executor): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    select distinct c.relname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.contype = 'f' and k.conrelid = k.confrelid
      and k.connamespace = current_schema()::regnamespace`.execute(db);
  return new Set(rows.map((r) => r.name));
}

/** Set every sequence owned by a column of the schema past the column's largest value. */
export async function syncAllSequences(db: Executor): Promise<number> {
  const { rows } = await sql<{ table: string; column: string; seq: string }>`
    select c.relname as table, a.attname as column,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(db);
  for (const r of rows) {
    await sql`select setval(${r.seq}, coalesce(m, 1), m is not null)
      from (select max(${sql.ref(r.column)}) as m from ${sql.table(r.table)}) s`.execute(db);
  }
  return rows.length;
}
