import { sql } from "kysely";
import type { Executor } from "./executor.ts";
import { type SchemaTable, schemaTables } from "./schema-tables.ts";

/**
 * Planner statistics after a bulk write (an import, a restore). PostgreSQL's autovacuum renews a
 * table's statistics once the rows changed since its last ANALYZE reach 50 + 10 % of its rows,
 * but only after the writing transaction commits and only where autovacuum runs; PGlite, the
 * embedded default, has no autovacuum at all. A first import left the registry planned as if it
 * were empty: each intervention recorded afterwards took 84 ms instead of 1.7 ms (its facts
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
 * `columns` limits a table's to the columns named (its row count is renewed all the same). The
 * names are the tables analysed, in the order given.
 */
export async function renewStatistics(
  db: Executor,
  written: ReadonlyMap<string, number>,
  columns: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<string[]> {
  if (written.size === 0) return [];
  const counted = new Map((await schemaTables(db)).map((t) => [t.name, t.counted]));
  const stale = [...written.keys()].filter(
    (n) => counted.has(n) && statisticsStale(written.get(n) ?? 0, counted.get(n)!),
  );
  await analyze(db, stale, columns);
  return stale;
}

/** ANALYZE the tables named (none: nothing), each on the `columns` given for it, or whole. */
async function analyze(
  db: Executor,
  names: readonly string[],
  columns: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<void> {
  if (names.length === 0) return;
  const target = (n: string) => {
    const only = columns.get(n);
    return only?.length ? sql`${sql.table(n)} (${sql.join(only.map((c) => sql.id(c)))})` : sql.table(n);
  };
  await sql`analyze ${sql.join(names.map(target))}`.execute(db);
}

/** ANALYZE every table of the current schema (after a restore, every one of them was empty). */
export async function analyzeSchema(db: Executor): Promise<string[]> {
  const names = (await schemaTables(db)).map((t) => t.name);
  await analyze(db, names);
  return names;
}

/**
 * Whether a table grew enough since its statistics were counted to need new ones: its rows now,
 * estimated from its pages at the density last counted, against autovacuum's rule. A table never
 * counted, or counted empty, needs them as soon as it has a page (a table emptied keeps its pages,
 * so its density says nothing of the rows written since).
 */
export function grownStale(t: Omit<SchemaTable, "name">): boolean {
  if (t.pagesNow <= 0) return false;
  if (t.counted <= 0 || t.pagesThen <= 0) return true;
  const rowsNow = (t.pagesNow * t.counted) / t.pagesThen;
  return statisticsStale(rowsNow - t.counted, t.counted);
}

/** ANALYZE the tables of the current schema that grew enough since their statistics were counted. */
export async function renewGrownStatistics(db: Executor): Promise<string[]> {
  const stale = (await schemaTables(db)).filter(grownStale).map((t) => t.name);
  await analyze(db, stale);
  return stale;
}

/**
 * For the embedded database, which has no autovacuum: look every `everyMinutes` (and once soon
 * after the start) for tables grown enough to need new statistics, and renew them. PostgreSQL's
 * own autovacuum does this there (docs/operations.md). Stop with the returned function.
 */
export function startStatisticsUpkeep(
  db: Executor,
  options: { everyMinutes: number; firstAfterMs?: number; log?: (msg: string, err?: unknown) => void },
): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      const renewed = await renewGrownStatistics(db);
      if (renewed.length > 0) options.log?.(`planner statistics renewed: ${renewed.join(", ")}`);
    } catch (err) {
      options.log?.("planner statistics: renewal failed", err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void look(), options.firstAfterMs ?? 30_000);
  const every = setInterval(() => void look(), options.everyMinutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
