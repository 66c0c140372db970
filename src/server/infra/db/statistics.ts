import { sql } from "kysely";
import type { Executor } from "./executor.ts";

/**
 * Planner statistics after a bulk write (an import, a restore). PostgreSQL's autovacuum renews a
 * table's statistics once the rows changed since its last ANALYZE reach 50 + 10 % of its rows,
 * but only after the writing transaction commits and only where autovacuum runs; PGlite, the
 * embedded default, has no autovacuum at all. A first import left the registry planned as if it
 * were empty: each intervention recorded afterwards took 80–95 ms instead of 1.5 ms (its facts
 * triggers' plans guessed at the patient's rows; docs/benchmarks.md, issue 9). The bulk writes
 * therefore renew the statistics of what they grew, by the same rule, before they commit.
 */
export const ANALYZE_BASE_ROWS = 50;
export const ANALYZE_SCALE = 0.1;

/**
 * Whether `written` rows (inserted or updated) make a table's statistics stale, given the rows
 * its statistics last counted (`pg_class.reltuples`: negative when never counted).
 */
export function statisticsStale(written: number, counted: number): boolean {
  if (written <= 0) return false;
  return written >= ANALYZE_BASE_ROWS + ANALYZE_SCALE * Math.max(counted, 0);
}

/**
 * ANALYZE the tables (of the current schema) whose written rows make their statistics stale; in
 * the caller's transaction, so what it sees includes its own writes and a rollback undoes it.
 * The names are the tables analysed, in the order given.
 */
export async function renewStatistics(db: Executor, written: ReadonlyMap<string, number>): Promise<string[]> {
  const names = [...written.keys()];
  if (names.length === 0) return [];
  const { rows } = await sql<{ name: string; counted: number }>`
    select c.relname as name, c.reltuples::float8 as counted
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and c.relname = any(${names}::text[])`.execute(db);
  const counted = new Map(rows.map((r) => [r.name, Number(r.counted)]));
  const stale = names.filter((n) => counted.has(n) && statisticsStale(written.get(n) ?? 0, counted.get(n)!));
  if (stale.length > 0) await sql`analyze ${sql.join(stale.map((n) => sql.table(n)))}`.execute(db);
  return stale;
}

/** ANALYZE every table of the current schema (after a restore, every one of them was empty). */
export async function analyzeSchema(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  const names = rows.map((r) => r.name);
  if (names.length > 0) await sql`analyze ${sql.join(names.map((n) => sql.table(n)))}`.execute(db);
  return names;
}
