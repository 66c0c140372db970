import { sql } from "kysely";
import type { Executor } from "../../src/server/infra/db/executor.ts";

/** Per table of the current schema: whether the planner has column statistics for it (pg_stats). */
export async function analysed(db: Executor, tables: readonly string[]): Promise<Record<string, boolean>> {
  const { rows } = await sql<{ name: string; n: number }>`
    select t.name, (select count(*)::int from pg_stats s
      where s.schemaname = current_schema() and s.tablename = t.name) as n
    from unnest(${[...tables]}::text[]) as t(name)`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.n > 0]));
}
