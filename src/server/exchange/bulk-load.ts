import { sql, type Transaction } from "kysely";
import type { DB } from "../infra/db/schema.ts";

export interface Suspend {
  /** Drop the table's foreign keys (re-added NOT VALID, then validated in one set-based check). */
  foreignKeys: boolean;
  /** Drop its plain indexes (not the primary key, unique constraints or exclusion constraints). */
  plainIndexes: boolean;
}

/**
 * Bulk loading as PostgreSQL's documentation advises (§14.4 "Populating a Database"): drop what
 * would be maintained row by row, load, then rebuild it in one pass each. It all happens inside
 * the caller's transaction: killed midway, the constraints and indexes are back as they were.
 * The table is locked exclusively until the transaction commits; `lock_timeout` keeps the load
 * from queueing forever behind a reader. Returns what puts everything back, same names and
 * definitions. Triggers are left alone (the indicator triggers must see the load).
 */
export async function suspendForLoad(
  trx: Transaction<DB>,
  table: string,
  what: Suspend,
): Promise<() => Promise<void>> {
  if (!what.foreignKeys && !what.plainIndexes) return async () => {};
  await sql`set local lock_timeout = '30s'`.execute(trx);
  const keys = what.foreignKeys
    ? (
        await sql<{ name: string; definition: string; valid: boolean }>`
          select conname as name, regexp_replace(pg_get_constraintdef(oid), ' NOT VALID$', '') as definition,
            convalidated as valid
          from pg_constraint where conrelid = ${table}::regclass and contype = 'f' order by conname`.execute(
          trx,
        )
      ).rows
    : [];
  const indexes = what.plainIndexes
    ? (
        await sql<{ name: string; definition: string }>`
          select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
          from pg_index i
          where i.indrelid = ${table}::regclass and not i.indisprimary and not i.indisunique
            and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          order by 1`.execute(trx)
      ).rows
    : [];
  for (const k of keys)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(k.name)}`.execute(trx);
  for (const i of indexes) await sql`drop index ${sql.raw(i.name)}`.execute(trx);
  return async () => {
    for (const i of indexes) await sql.raw(i.definition).execute(trx);
    for (const k of keys) {
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(k.name)} ${sql.raw(k.definition)} not valid`.execute(
        trx,
      );
      if (k.valid)
        await sql`alter table ${sql.table(table)} validate constraint ${sql.id(k.name)}`.execute(trx);
    }
  };
}
