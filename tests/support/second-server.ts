import { sql } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import { type Database, openPostgres } from "../../src/server/infra/db/database.ts";
import { lateBound } from "./late-bound.ts";
import type { World } from "./world.ts";

/**
 * A second server on the test world's PostgreSQL schema, for what one server must see of the
 * changes made through another (the per-process caches): opened before the tests of the calling
 * `describe`, closed after them.
 */

export interface SecondServer {
  database: Database;
  app: Awaited<ReturnType<typeof buildApp>>;
}

export function secondServerOf(w: World): SecondServer {
  let second: SecondServer | undefined;
  beforeAll(async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(w.database.db);
    const database = await openPostgres(process.env.DATABASE_URL!, { schema: rows[0]!.schema, poolSize: 4 });
    const app = await buildApp({
      database,
      config: loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv),
    });
    second = { database, app };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database.close();
  });
  return lateBound(() => second, "the second server");
}
