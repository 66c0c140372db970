import { type RawBuilder, sql } from "kysely";

/** `column in (…ids)` for raw SQL: `true` for "all", `false` for none (never an empty `in ()`). */
export function inList(column: string, ids: "all" | number[]): RawBuilder<boolean> {
  if (ids === "all") return sql<boolean>`true`;
  if (ids.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(ids)})`;
}
