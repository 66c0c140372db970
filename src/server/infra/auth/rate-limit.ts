import { sql } from "kysely";
import type { Db } from "../db/database.ts";

/**
 * Login throttling kept in the database, so every server in front of one PostgreSQL counts the
 * same failures. A key is refused once it has `limit` failures within the window.
 *
 * An attempt is reserved *before* the password is checked: one short transaction takes a
 * transaction-level advisory lock per key (sorted, so two attempts never deadlock), counts the
 * key's recent failures and, under the limit, records a pending failure for every key. Concurrent
 * attempts — in this process or on another server — therefore queue on the lock and each sees the
 * ones before it, so at most `limit` passwords are ever checked per window. A successful attempt
 * then takes its pending failures back (`forgiveAttempt`).
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const LOGIN_LIMITS = { user: 5, ip: 30 } as const;

export interface ThrottleKey {
  key: string;
  limit: number;
}

/** What `reserveAttempt` recorded, to take back when the attempt succeeds. */
export interface Reservation {
  /**
   * When the pending failures were recorded, as PostgreSQL's text: a JS Date keeps milliseconds
   * only, and the stored microseconds would then never match when the attempt is forgiven.
   */
  at: string;
  keys: string[];
}

const windowStart = (minutes: number) => sql<Date>`now() - make_interval(mins => ${minutes})`;

/**
 * Count and record in one locked step. Returns null (nothing recorded) when a key is already at
 * its limit, else the reservation.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[]): Promise<Reservation | null> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    for (const { key } of sorted) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`praxis.throttle:${key}`}, 0))`.execute(trx);
    }
    const rows = await trx
      .selectFrom("login_failures")
      .select(["key", (eb) => eb.fn.countAll<number>().as("n")])
      .where(
        "key",
        "in",
        sorted.map((k) => k.key),
      )
      .where("at", ">", windowStart(LOGIN_WINDOW_MINUTES))
      .groupBy("key")
      .execute();
    const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
    if (sorted.some((k) => (counts.get(k.key) ?? 0) >= k.limit)) return null;
    const inserted = await trx
      .insertInto("login_failures")
      .values(sorted.map(({ key }) => ({ key })))
      .returning(sql<string>`at::text`.as("at"))
      .execute();
    // Keep the table small: drop what no window can see any more.
    await trx
      .deleteFrom("login_failures")
      .where("at", "<", windowStart(LOGIN_WINDOW_MINUTES * 2))
      .execute();
    return { at: inserted[0]!.at, keys: sorted.map((k) => k.key) };
  });
}

/** Take back the pending failures of a successful attempt (one row per key). */
export async function forgiveAttempt(db: Db, reservation: Reservation): Promise<void> {
  for (const key of reservation.keys) {
    await sql`delete from login_failures where ctid in (
      select ctid from login_failures where key = ${key} and at = ${reservation.at}::timestamptz limit 1)`.execute(
      db,
    );
  }
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
