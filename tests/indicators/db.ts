import { randomBytes } from "node:crypto";
import { type Database, openPostgres } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";
import { perTestFile } from "../support/late-bound.ts";
import { adminStatement } from "../support/pg-admin.ts";
import { openTestDatabase } from "../support/test-db.ts";

/**
 * A fresh, migrated database for one indicator test file. On PostgreSQL it is a database of its
 * own (dropped on close) rather than a schema: Kysely's migrator looks for its bookkeeping tables
 * in every schema of the database, so schemas left by other (or concurrent) test files would make
 * it skip creating them. On PGlite: the shared in-memory helper.
 */
export async function openIndicatorDatabase(): Promise<Database> {
  if (process.env.PRAXIS_TEST_DB !== "postgres") return openTestDatabase();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("PRAXIS_TEST_DB=postgres needs DATABASE_URL");
  const name = `ind_${randomBytes(6).toString("hex")}`;
  await adminStatement(url, `create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { poolSize: 4 });
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminStatement(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * One indicator database per test file: opened before the file's tests (then `ready` may fill it,
 * reading the database through the returned object), closed after them.
 */
export function indicatorDatabaseOfFile(ready: () => Promise<void> = async () => {}): Database {
  return perTestFile(openIndicatorDatabase, ready, "the test file's indicator database");
}
