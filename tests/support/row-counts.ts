import type { DB } from "../../src/server/infra/db/schema.ts";
import type { World } from "./world.ts";

/**
 * How many rows a table holds, for the tests' "nothing stored" checks: a count before a refused
 * request and after it staying equal.
 */

/** The number of rows of one table. */
export async function rowCount(w: World, table: keyof DB): Promise<number> {
  const r = await w.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The number of rows of each of the given tables, by table. */
export async function rowCounts<T extends keyof DB>(
  w: World,
  tables: readonly T[],
): Promise<Record<T, number>> {
  const out = {} as Record<T, number>;
  for (const t of tables) out[t] = await rowCount(w, t);
  return out;
}
