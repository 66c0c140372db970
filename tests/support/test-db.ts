import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openPGlite, openPostgres } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or — in the PostgreSQL
 * project — a schema of its own in DATABASE_URL's database, dropped on close.
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.PRAXIS_TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("PRAXIS_TEST_DB=postgres needs DATABASE_URL");
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = await openPostgres(url, { schema, poolSize: 4 });
    await migrateToLatest(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const database = await openPGlite(undefined);
  await migrateToLatest(database.db);
  return database;
}
