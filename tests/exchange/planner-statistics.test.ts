import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listImportFiles, runImport } from "../../src/server/exchange/import.ts";
import { type ImportCounts, writtenRows } from "../../src/server/exchange/write.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import {
  grownStale,
  renewGrownStatistics,
  renewStatistics,
  startStatisticsUpkeep,
  statisticsStale,
} from "../../src/server/infra/db/statistics.ts";
import { analysed } from "../support/statistics.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { generateExtract } from "./generate.ts";
import { tempDir } from "./support.ts";

/**
 * A bulk write renews the planner statistics of the tables it grew, before it commits: PGlite has
 * no autovacuum, and without statistics each write after a first import took 84 ms where it
 * takes 1.7 ms (infra/db/statistics.ts, docs/benchmarks.md). On PGlite and on PostgreSQL.
 */
describe("planner statistics: when written rows make them stale (autovacuum's rule)", () => {
  it.each([
    // written, rows last counted (-1: never), stale
    [0, -1, false],
    [49, -1, false],
    [50, -1, true],
    [50, 0, true],
    [149, 1_000, false],
    [150, 1_000, true],
    [1_049, 10_000, false],
    [1_050, 10_000, true],
    // counted after the write (an index rebuilt after a load counts the new rows)
    [12_000, 12_000, true],
    [Number.POSITIVE_INFINITY, 5_000_000, true],
  ])("%d written, %d counted: stale %s", (written, counted, stale) => {
    expect(statisticsStale(written, counted)).toBe(stale);
  });
});

describe("planner statistics: when a table grew enough (the embedded database's upkeep)", () => {
  it.each([
    // rows counted (-1: never), pages then, pages now, stale
    [-1, 0, 0, false],
    [-1, 0, 1, true],
    [0, 0, 0, false],
    [0, 0, 3, true],
    [0, 5, 5, true], // counted empty in pages it kept: refilled since, perhaps
    [1_000, 10, 10, false],
    [1_000, 10, 11, false], // ~1,100 rows: 100 written, below 50 + 100
    [1_000, 10, 12, true], // ~1,200 rows
    [100_000, 1_000, 1_101, true], // ~110,100 rows: 10,100 written, past 50 + 10,000
    [100_000, 1_000, 1_050, false],
  ])("%d rows counted in %d pages, %d pages now: stale %s", (counted, pagesThen, pagesNow, stale) => {
    expect(grownStale({ counted, pagesThen, pagesNow })).toBe(stale);
  });
});

describe("planner statistics: the rows an import wrote, per table", () => {
  const c = (inserted: number, updated: number, unchanged: number) => ({
    rows: inserted + updated + unchanged,
    inserted,
    updated,
    unchanged,
  });
  const facts = (n: number) => ({
    indicator_enrolment_facts: n,
    indicator_site_days: n,
    indicator_site_month_histograms: n,
  });
  it.each<[string, ImportCounts, boolean, Record<string, number>]>([
    ["nothing", {}, false, facts(0)],
    [
      "each file into its table; patient-level rows into the facts",
      {
        "sites.csv": c(0, 0, 3),
        "patients.csv": c(5, 0, 0),
        "enrolments.csv": c(3, 1, 0),
        "interventions.csv": c(7, 2, 1),
        "groups.csv": c(2, 0, 0),
      },
      false,
      { sites: 0, patients: 5, enrolments: 4, interventions: 9, groups: 2, ...facts(18) },
    ],
    [
      "facts rebuilt: every facts table",
      { "interventions.csv": c(10, 0, 0) },
      true,
      { interventions: 10, ...facts(Number.POSITIVE_INFINITY) },
    ],
  ])("%s", (_, counts, rebuilt, expected) => {
    expect(Object.fromEntries(writtenRows(counts, rebuilt))).toEqual(expected);
  });
});

describe("planner statistics: renewed in the database", () => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    await database?.close();
  });

  it("analyses the tables whose written rows pass the threshold, and only those", async () => {
    const db = database.db;
    await sql`insert into regions (code, name) select 'R' || i, 'Region ' || i from generate_series(1, 60) i`.execute(
      db,
    );
    expect(await analysed(db, ["regions"])).toEqual({ regions: false });
    const written = new Map([
      ["regions", 60],
      ["sites", 0],
      ["no_such_table", 1_000],
    ]);
    expect(await renewStatistics(db, written)).toEqual(["regions"]);
    expect(await analysed(db, ["regions", "sites"])).toEqual({ regions: true, sites: false });
    // five more rows to sixty counted: below 50 + 6
    await sql`insert into regions (code, name) select 'S' || i, 'More ' || i from generate_series(1, 5) i`.execute(
      db,
    );
    expect(await renewStatistics(db, new Map([["regions", 5]]))).toEqual([]);
  });

  it("limits a table's statistics to the columns asked for", async () => {
    const db = database.db;
    await sql`insert into regions (code, name) select 'R' || i, 'Region ' || i from generate_series(1, 80) i`.execute(
      db,
    );
    expect(await renewStatistics(db, new Map([["regions", 80]]), new Map([["regions", ["code"]]]))).toEqual([
      "regions",
    ]);
    const { rows } = await sql<{ attname: string }>`
      select attname from pg_stats where schemaname = current_schema() and tablename = 'regions'
      order by attname`.execute(db);
    expect(rows.map((r) => r.attname)).toEqual(["code"]);
  });

  it("the upkeep renews the tables that grew, once, and again when they grow by a tenth", async () => {
    const db = database.db;
    const addRegions = (from: number, to: number) =>
      sql`insert into regions (code, name) select 'R' || i, repeat('x', 200) from generate_series(${from}::int, ${to}::int) i`.execute(
        db,
      );
    await addRegions(1, 400);
    const first = await renewGrownStatistics(db);
    expect(first).toContain("regions");
    expect(first).not.toContain("interventions"); // empty: nothing to count
    expect(await analysed(db, ["regions", "interventions"])).toEqual({ regions: true, interventions: false });
    expect(await renewGrownStatistics(db)).toEqual([]);
    await addRegions(401, 410); // 2.5 %: not yet
    expect(await renewGrownStatistics(db)).toEqual([]);
    await addRegions(411, 800);
    expect(await renewGrownStatistics(db)).toEqual(["regions"]);
  });

  it("the upkeep runs by itself, reports what it renewed, and stops", async () => {
    await sql`insert into regions (code, name) select 'R' || i, 'Region' from generate_series(1, 100) i`.execute(
      database.db,
    );
    const said: string[] = [];
    const stop = startStatisticsUpkeep(database.db, {
      everyMinutes: 10,
      firstAfterMs: 10,
      log: (msg) => said.push(msg),
    });
    try {
      await vi.waitFor(() => expect(said.join("\n")).toMatch(/planner statistics renewed: .*regions/), {
        timeout: 10_000,
      });
      expect(await analysed(database.db, ["regions"])).toEqual({ regions: true });
    } finally {
      stop();
    }
  });

  it("after a first import the planner knows the loaded tables and the facts; a dry run leaves none", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir("praxis-statistics-");
    await generateExtract(dir, { patients: 300, interventions: 6_000, programme: "PRG" });
    const tables = [
      "patients",
      "enrolments",
      "interventions",
      "indicator_enrolment_facts",
      "indicator_site_days",
    ];
    const none = Object.fromEntries(tables.map((t) => [t, false]));
    const run = (dryRun: boolean) =>
      runImport(database, {
        files: listImportFiles(dir),
        source: dir,
        options: { createProgrammes: true, ignoreUnknownColumns: false },
        dryRun,
        actor: SYSTEM,
        databaseUrl: database.kind === "postgresql" ? process.env.DATABASE_URL : undefined,
      });
    expect(await analysed(database.db, tables)).toEqual(none);
    expect((await run(true)).status).toBe("done");
    expect(await analysed(database.db, tables)).toEqual(none);
    expect((await run(false)).status).toBe("done");
    expect(await analysed(database.db, tables)).toEqual(Object.fromEntries(tables.map((t) => [t, true])));
    const { rows } = await sql<{ n: number }>`
        select reltuples::float8 as n from pg_class
        where relname = 'interventions' and relnamespace = current_schema()::regnamespace`.execute(
      database.db,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(5_000);
  });
});
