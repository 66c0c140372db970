import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { DB } from "./schema.ts";

const MARK = "\u0000praxis-parameter:";

/**
 * A query built and compiled by Kysely once, then run with new parameter values: for hot paths
 * (every request), where building and compiling the query tree cost more than running it.
 * `build` receives a placeholder per named parameter; each must reach the SQL as a bound value
 * (a `where x = param`), which is checked at the first compile.
 */
export function precompiled<R, K extends string>(
  names: readonly K[],
  build: (db: Kysely<DB>, params: Record<K, never>) => Compilable<R>,
): (db: Kysely<DB>, values: Record<K, unknown>) => Promise<QueryResult<R>> {
  let compiled: CompiledQuery<R> | null = null;
  let slots: (K | null)[] = [];
  return (db, values) => {
    if (!compiled) {
      const placeholders = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as Record<K, never>;
      const query = build(db, placeholders).compile();
      slots = query.parameters.map((v) =>
        typeof v === "string" && v.startsWith(MARK) ? (v.slice(MARK.length) as K) : null,
      );
      const missing = names.filter((n) => !slots.includes(n));
      if (missing.length) throw new Error(`precompiled query: parameter ${missing.join(", ")} is not bound`);
      compiled = query;
    }
    const parameters = compiled.parameters.map((v, i) => {
      const slot = slots[i];
      return slot ? values[slot] : v;
    });
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
