/**
 * The child process of tests/db/pglite.test.ts: opens the embedded database in DIR and writes
 * until it is killed — one committed row per transaction, its number printed only once the
 * commit has returned, and every tenth time a large transaction that is still running when the
 * kill comes (it must leave nothing behind).
 */
import { sql } from "kysely";
import { openPGlite } from "../../src/server/infra/db/database.ts";

const database = await openPGlite(process.argv[2]!);
const { db } = database;
await sql`create table if not exists committed (n integer primary key, payload text not null)`.execute(db);
await sql`create table if not exists uncommitted (n integer not null)`.execute(db);
const { rows } = await sql<{ n: number }>`select coalesce(max(n), 0)::int as n from committed`.execute(db);
let n = rows[0]!.n;
console.log("ready");
for (;;) {
  n += 1;
  await sql`insert into committed values (${n}, repeat('x', 500))`.execute(db);
  console.log(`committed ${n}`);
  if (n % 10 === 0) {
    // a transaction the kill interrupts half-way: no row of it may survive
    await db.transaction().execute(async (trx) => {
      await sql`insert into uncommitted select g from generate_series(1, 200000) g`.execute(trx);
      console.log("big transaction written, not committed");
      await sql`select pg_sleep(0.2)`.execute(trx);
    });
    await sql`delete from uncommitted`.execute(db);
  }
}
