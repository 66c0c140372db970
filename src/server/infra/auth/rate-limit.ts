import { sql } from "kysely";
import type { Db } from "../db/database.ts";

/**
 * Login throttling kept in the database, so every server in front of one PostgreSQL counts the
 * same failures. A key is refused once it has `limit` failures within the window.
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const LOGIN_LIMITS = { user: 5, ip: 30 } as const;

export async function recentFailures(db: Db, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("login_failures")
    .select(["key", (eb) => eb.fn.countAll<number>().as("n")])
    .where("key", "in", keys)
    .where("at", ">", sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)
    .groupBy("key")
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  await db
    .insertInto("login_failures")
    .values(keys.map((key) => ({ key })))
    .execute();
  // Keep the table small: drop what no window can see any more.
  await db
    .deleteFrom("login_failures")
    .where("at", "<", sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES * 2})`)
    .execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
