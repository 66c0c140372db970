import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listImportFiles, runImport } from "../../src/server/exchange/import.ts";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { generateExtract } from "./generate.ts";
import { snapshot, tempDir } from "./support.ts";

/**
 * A first load on PostgreSQL copies interventions.csv straight into the empty table (the files
 * it refers to merged first), with its foreign keys and plain indexes suspended and put back:
 * the same rows, keys, indexes and report as the staged merge, and the same all-or-nothing
 * guarantee. On PGlite every file is staged; the same expectations hold.
 */
let database: Database;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await database?.close();
});

const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";

async function bigExtract(extra?: (dir: string) => void): Promise<string> {
  const dir = tempDir("praxis-direct-");
  // ~1.3 MB of interventions: past the size from which keys and indexes are suspended
  await generateExtract(dir, { patients: 400, interventions: 12_000, programme: "PRG" });
  extra?.(dir);
  return dir;
}

async function run(dir: string, options: { dryRun?: boolean; direct?: boolean } = {}) {
  const steps: string[] = [];
  const result = await runImport(database, {
    files: listImportFiles(dir),
    source: dir,
    options: { createProgrammes: true, ignoreUnknownColumns: false },
    dryRun: options.dryRun,
    actor: SYSTEM,
    databaseUrl: database.kind === "postgresql" ? process.env.DATABASE_URL : undefined,
    load: { direct: options.direct },
    onStep: (step) => steps.push(step),
  });
  return { result, steps };
}

/** Constraints and indexes of the interventions table, as definitions (names included). */
async function shape() {
  const { rows } = await sql<{ what: string }>`
    select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated as what
    from pg_constraint where conrelid = 'interventions'::regclass
    union all
    select 'index ' || pg_get_indexdef(indexrelid) from pg_index where indrelid = 'interventions'::regclass
    order by 1`.execute(database.db);
  return rows.map((r) => r.what);
}

/** Every intervention as the codes it names (ids differ between databases). */
async function interventionRows() {
  const { rows } = await sql<{ row: string }>`
    select concat_ws('|', i.code, p.code, s.code, i.date, i.type, i.setting, i.recipient, i.professional_code,
      i.professional_profile, i.duration_min, g.code, i.module) as row
    from interventions i join patients p on p.id = i.patient_id join sites s on s.id = i.site_id
      left join groups g on g.id = i.group_id
    order by i.code`.execute(database.db);
  return rows.map((r) => r.row);
}

/** The programmes' stored facts: how many enrolments they hold, and how they differ from a rebuild. */
async function factsOf() {
  const { rows } = await sql<{ id: number; n: number }>`
    select p.id, (select count(*)::int from indicator_enrolment_facts f where f.programme_id = p.id) as n
    from programmes p order by p.id`.execute(database.db);
  const differences = [];
  for (const r of rows) differences.push(...(await verifyStoredFacts(database.db, r.id)));
  return { enrolments: rows.reduce((s, r) => s + r.n, 0), differences };
}

describe("exchange import: direct load of interventions", () => {
  it("loads the same rows, keys and indexes as the staged merge", { timeout: 120_000 }, async () => {
    const dir = await bigExtract();
    const before = await shape();
    const direct = await run(dir);
    expect(direct.result.status).toBe("done");
    if (direct.result.status !== "done") return;
    expect(direct.result.counts["interventions.csv"]).toEqual({
      rows: 12_000,
      inserted: 12_000,
      updated: 0,
      unchanged: 0,
    });
    expect(direct.steps.includes("rebuild keys and indexes")).toBe(onPostgres);
    expect(direct.steps.includes("merge interventions.csv")).toBe(!onPostgres);
    expect(await shape()).toEqual(before);
    const loaded = await interventionRows();
    expect(loaded).toHaveLength(12_000);
    // the facts of the programmes the extract reaches are what a rebuild computes (on PostgreSQL
    // the load leaves them alone and rebuilds each programme at the end)
    const facts = await factsOf();
    expect(facts.enrolments).toBeGreaterThan(0);
    expect(facts.differences).toEqual([]);

    // the same extract, staged and merged, into another database gives the same rows
    const other = database;
    database = await openTestDatabase();
    try {
      const staged = await run(dir, { direct: false });
      expect(staged.steps).toContain("merge interventions.csv");
      expect(staged.result.status === "done" && staged.result.counts).toEqual(direct.result.counts);
      expect(await interventionRows()).toEqual(loaded);
      expect(await factsOf()).toEqual(facts);
    } finally {
      await database.close();
      database = other;
    }

    // a second import stages (the table is no longer empty) and changes nothing
    const again = await run(dir);
    expect(again.steps).toContain("merge interventions.csv");
    expect(again.result.status === "done" && again.result.counts["interventions.csv"]).toEqual({
      rows: 12_000,
      inserted: 0,
      updated: 0,
      unchanged: 12_000,
    });
  });

  it("reports a code given twice as a problem and writes nothing", { timeout: 120_000 }, async () => {
    const dir = await bigExtract((d) => {
      const file = path.join(d, "interventions.csv");
      const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
      lines.push(lines[5]!);
      fs.writeFileSync(file, `${lines.join("\n")}\n`);
    });
    const before = await snapshot(database);
    const shapeBefore = await shape();
    const { result } = await run(dir);
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.problems.list().map((p) => `${p.file}:${p.line}: ${p.column}`)).toEqual([
      "interventions.csv:12002: intervention_code",
    ]);
    expect(await snapshot(database)).toEqual(before);
    expect(await shape()).toEqual(shapeBefore);
  });

  it("rolls the loaded rows back when a later file has a problem", { timeout: 120_000 }, async () => {
    const dir = await bigExtract((d) => {
      fs.writeFileSync(
        path.join(d, "assessments.csv"),
        "assessment_code,patient_code,date,instrument,respondent,timepoint,total_score\nA1,NOBODY,2024-01-01,PHQ-9,patient,baseline,9\n",
      );
    });
    const before = await snapshot(database);
    const { result } = await run(dir);
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.problems.list().map((p) => `${p.file}:${p.line}: ${p.column}`)).toEqual([
      "assessments.csv:2: patient_code",
    ]);
    expect(await snapshot(database)).toEqual(before);
  });

  it("counts exactly on a dry run and writes nothing", { timeout: 120_000 }, async () => {
    const dir = await bigExtract();
    const before = await snapshot(database);
    const { result } = await run(dir, { dryRun: true });
    expect(result.status === "done" && result.dryRun).toBe(true);
    expect(result.status === "done" && result.counts["interventions.csv"]?.inserted).toBe(12_000);
    expect(await snapshot(database)).toEqual(before);
  });
});
