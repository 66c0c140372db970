import { sql } from "kysely";
import { type DemoArtefactsSummary, seedDemoArtefacts } from "../../src/server/demo/artefacts/index.ts";
import { type DemoRegistrySummary, generateDemoRegistry } from "../../src/server/demo/registry/index.ts";
import { seedDemoRegion } from "../../src/server/demo/seed-region.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database, Db } from "../../src/server/infra/db/database.ts";
import { openTestDatabase } from "../support/test-db.ts";

export const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";

/** The day the tests' demos are made: pinned, so their figures do not move from day to day. */
export const TEST_AS_OF = "2026-06-15";

/**
 * A fresh test database with the demo region and its registry. On PostgreSQL the registry is
 * streamed with COPY (as `praxis demo` does) unless `writer: "insert"`.
 */
export async function demoDatabase(
  options: {
    patients?: number;
    seed?: number;
    writer?: "copy" | "insert";
    asOf?: string;
    interventionsPerPatient?: number;
    /** Also write the demo's planning artefacts, rounds, reviews and courses, as `praxis demo` does. */
    artefacts?: boolean;
  } = {},
): Promise<{
  database: Database;
  db: Db;
  summary: DemoRegistrySummary;
  artefacts: DemoArtefactsSummary | null;
}> {
  const database = await openTestDatabase();
  const asOf = options.asOf ?? TEST_AS_OF;
  await seedDemoRegion(database.db, SYSTEM, asOf);
  const copy = onPostgres && options.writer !== "insert";
  const summary = await generateDemoRegistry(database.db, {
    patients: options.patients,
    seed: options.seed,
    asOf,
    interventionsPerPatient: options.interventionsPerPatient,
    copyUrl: copy ? process.env.DATABASE_URL : undefined,
  });
  const artefacts = options.artefacts
    ? await seedDemoArtefacts(database.db, { seed: summary.seed, asOf })
    : null;
  return { database, db: database.db, summary, artefacts };
}

/** Run a query that lists offending rows; the rule holds when it returns none. */
export async function offending(db: Db, query: string): Promise<unknown[]> {
  const r = await sql.raw(`${query} limit 5`).execute(db);
  return r.rows;
}
