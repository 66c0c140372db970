import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll } from "vitest";
import type { ImportOptions, ImportScope } from "../../src/server/exchange/context.ts";
import { listImportFiles, runImport } from "../../src/server/exchange/import.ts";
import { formatProblem } from "../../src/server/exchange/report.ts";
import type { ImportCounts } from "../../src/server/exchange/write.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database } from "../../src/server/infra/db/database.ts";

/** Temporary directories, removed after the test file. */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
export function tempDir(prefix = "praxis-exchange-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A CSV text from rows of cells (cells written as given: quote them yourself when needed). */
export const csv = (rows: string[][], eol = "\n") => rows.map((r) => r.join(",")).join(eol) + eol;

export type Extract = Record<string, string | Buffer>;

/**
 * A small valid extract using every file and most columns. Rows are sorted by code and written
 * the way `export` writes them, so exporting it back gives the same bytes.
 */
export const BASE: Record<string, string[][]> = {
  "sites.csv": [
    ["site_code", "site_name", "area_code", "area_name"],
    ["X1", "Site One", "AR1", "Area One"],
    ["X2", '"Site Two, East"', "AR1", "Area One"],
  ],
  "patients.csv": [
    ["patient_code", "birth_year", "sex", "residence_area", "first_contact_date"],
    ["P1", "1995", "F", "MI-01", "2023-05-02"],
    ["P2", "2001", "M", "", ""],
    ["P3", "1999", "X", "", "2024-01-15"],
  ],
  "enrolments.csv": [
    [
      "enrolment_code",
      "patient_code",
      "programme_code",
      "site_code",
      "enrolment_date",
      "end_date",
      "end_reason",
      "primary_diagnosis",
      "secondary_diagnosis",
      "case_manager_code",
      "case_manager_profile",
    ],
    ["E1", "P1", "PRG", "X1", "2024-01-10", "", "", "F60.3", "F32.1", "CM1", "nurse"],
    ["E2", "P2", "PRG", "X2", "2024-02-01", "2024-06-30", "completed", "F60.31", "", "", ""],
    ["E3", "P3", "PRG", "X1", "2024-03-05", "", "", "", "", "CM2", ""],
  ],
  "groups.csv": [
    ["group_code", "site_code", "programme_code", "kind", "start_date", "end_date", "max_size"],
    ["G1", "X1", "PRG", "dbt_skills", "2024-02-01", "2024-08-01", "8"],
    ["G2", "X2", "", "family_connections", "2024-03-01", "", ""],
  ],
  "professionals.csv": [
    ["professional_code", "site_code", "profile", "in_implementation_team", "trained", "training_hours"],
    ["PR1", "X1", "psychologist", "Y", "Y", "24.5"],
    ["PR2", "X2", "nurse", "N", "N", ""],
  ],
  "interventions.csv": [
    [
      "intervention_code",
      "patient_code",
      "site_code",
      "date",
      "type",
      "setting",
      "recipient",
      "professional_code",
      "professional_profile",
      "duration_min",
      "group_code",
      "module",
    ],
    [
      "I1",
      "P1",
      "X1",
      "2024-01-12",
      "assessment",
      "individual",
      "patient",
      "PR1",
      "psychologist",
      "60",
      "",
      "",
    ],
    [
      "I2",
      "P1",
      "X1",
      "2024-02-08",
      "skills_training",
      "group",
      "patient",
      "PR1",
      "psychologist",
      "120",
      "G1",
      "DBT-1",
    ],
    ["I3", "P2", "X2", "2024-02-10", "family_intervention", "individual", "family", "", "", "45", "", ""],
    [
      "I4",
      "P3",
      "X1",
      "2024-03-06",
      "psychiatric_visit",
      "individual",
      "patient_and_family",
      "",
      "psychiatrist",
      "",
      "",
      "",
    ],
  ],
  "assessments.csv": [
    ["assessment_code", "patient_code", "date", "instrument", "respondent", "timepoint", "total_score"],
    ["A1", "P1", "2024-01-11", "ZAN-BPD", "clinician", "baseline", "18"],
    ["A2", "P1", "2024-01-11", "BSL-23", "patient", "baseline", "2.35"],
    ["A3", "P2", "2024-02-02", "SCID-5-PD", "clinician", "baseline", ""],
  ],
  "treatment_plans.csv": [
    [
      "plan_code",
      "patient_code",
      "site_code",
      "created_date",
      "shared_with_patient_date",
      "signed_by_patient",
      "shared_with_social_services",
      "shared_with_work_inclusion",
      "integrated_actions_started",
    ],
    ["T1", "P1", "X1", "2024-01-20", "2024-01-25", "Y", "N", "N", "N"],
    ["T2", "P2", "X2", "2024-02-15", "", "N", "Y", "Y", "Y"],
  ],
};

/** The header row of an exchange file, as the base extract (and `export`) writes it. */
export const headerOf = (file: string): string[] => BASE[file]![0]!;

/** The base extract as file contents, with some files replaced (a table, raw text or bytes) or removed (null). */
export function extract(changes: Record<string, string[][] | string | Buffer | null> = {}): Extract {
  const out: Extract = {};
  for (const [name, rows] of Object.entries(BASE)) out[name] = csv(rows);
  for (const [name, change] of Object.entries(changes)) {
    if (change === null) delete out[name];
    else out[name] = Array.isArray(change) ? csv(change) : change;
  }
  return out;
}

/** The base table of a file with one row's cell changed (row 1 is the first data row). */
export function withCell(file: string, row: number, column: string, value: string): string[][] {
  const rows = BASE[file]!.map((r) => [...r]);
  const at = rows[0]!.indexOf(column);
  if (at < 0) throw new Error(`no column ${column} in ${file}`);
  rows[row]![at] = value;
  return rows;
}

/** The base table of a file with rows added at the end. */
export const withRows = (file: string, ...extra: string[][]) => [...BASE[file]!, ...extra];

export function writeExtract(files: Extract): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

export interface RunOptions extends Partial<ImportOptions> {
  dryRun?: boolean;
  scope?: ImportScope | null;
}

/** Import a directory in-process; the problems as `file:line: column: message`, or the counts. */
export async function importDir(database: Database, dir: string, options: RunOptions = {}) {
  const result = await runImport(database, {
    files: listImportFiles(dir),
    source: dir,
    options: {
      createProgrammes: options.createProgrammes ?? false,
      ignoreUnknownColumns: options.ignoreUnknownColumns ?? false,
      region: options.region,
    },
    dryRun: options.dryRun,
    actor: SYSTEM,
    scope: options.scope ?? null,
    databaseUrl: database.kind === "postgresql" ? process.env.DATABASE_URL : undefined,
  });
  const counts: ImportCounts = result.status === "done" ? result.counts : {};
  const problems = result.status === "done" ? [] : result.problems.list().map(formatProblem);
  return { status: result.status, counts, problems };
}

/** Import an extract (files as text) in-process. */
export const importFiles = (database: Database, files: Extract, options: RunOptions = {}) =>
  importDir(database, writeExtract(files), options);

const REGISTRY = [
  "regions",
  "areas",
  "sites",
  "practices",
  "practice_versions",
  "programmes",
  "programme_sites",
  "patients",
  "enrolments",
  "groups",
  "professionals",
  "interventions",
  "assessments",
  "treatment_plans",
  "audit_log",
];

/** Row count and a checksum of every table an import writes (and of the audit log). */
export async function snapshot(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of REGISTRY) {
    const { rows } = await sql<{ n: number; sum: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
      from ${sql.table(table)} t`.execute(database.db);
    out[table] = `${rows[0]!.n}:${rows[0]!.sum}`;
  }
  return out;
}
