import { type Database, openPGlite, openPostgres } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";
import { scratchSchema } from "./pg-admin.ts";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or — in the PostgreSQL
 * project — a schema of its own in DATABASE_URL's database, dropped on close.
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.PRAXIS_TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("PRAXIS_TEST_DB=postgres needs DATABASE_URL");
    const { schema, drop } = await scratchSchema(url, "t_");
    const database = await openPostgres(url, { schema, poolSize: 4 });
    await migrateToLatest(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        await drop();
      },
    };
  }
  const database = await openPGlite(undefined);
  await migrateToLatest(database.db);
  return database;
}
