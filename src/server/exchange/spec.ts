import type { RawBuilder, Transaction } from "kysely";
import type { InterventionCapture } from "../indicators/public.ts";
import type { DB } from "../infra/db/schema.ts";
import type { ImportScope, ValidationContext } from "./context.ts";
import type { Row } from "./fields.ts";

/** The files of EXCHANGE-FORMAT.md. */
export type FileName =
  | "sites.csv"
  | "patients.csv"
  | "enrolments.csv"
  | "interventions.csv"
  | "assessments.csv"
  | "treatment_plans.csv"
  | "groups.csv"
  | "professionals.csv";

/** A value bound for a staging column: text, a number, a boolean, or no value. */
export type StageValue = string | number | boolean | null;

export interface MergeContext {
  trx: Transaction<DB>;
  /** The region of new sites, areas and programmes; null when the import creates none. */
  regionId: number | null;
  /** Rows staged for the file being merged, and their staging table. */
  rows: number;
  staging: string;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
}

/** What `export` selects for one programme (subqueries of ids, see export.ts). */
export interface ExportScope {
  programmeId: number;
  /** Patients with an enrolment in the programme. */
  patientIds: RawBuilder<unknown>;
  /** Sites registered to the programme or with an enrolment in it. */
  programmeSiteIds: RawBuilder<unknown>;
  /** Groups of the programme, groups without programme at its sites, groups its patients attended. */
  groupIds: RawBuilder<unknown>;
  /** Every site an exported row refers to. */
  siteIds: RawBuilder<unknown>;
}

/**
 * How a file's rows go straight into their registry table with `COPY` when that table is empty
 * (a first load), instead of through a staging table and a merge: the codes a row names are
 * resolved to ids in memory (`ValidationContext.patientId`…), so the server only parses rows.
 */
export interface DirectLoad {
  /** The registry table and the columns a row fills, in order. */
  table: string;
  columns: readonly string[];
  /**
   * One row in COPY's text format, line break included. `capture`, when given, takes what the
   * indicator facts' pass needs of the row: when a load leaves the facts to a rebuild at the end,
   * the rows are captured for it as they are copied.
   */
  encode(values: StageValue[], ctx: ValidationContext, capture?: InterventionCapture | null): string;
  /** The rows can be captured for the facts' pass (interventions). */
  captures?: boolean;
}

/**
 * The rules of one file: its columns, how a row is checked and what it becomes in the staging
 * table, how the staged rows are merged into the registry, and what `export` writes back.
 * The first column is always the code that keys the rows.
 */
export interface FileRules {
  file: FileName;
  /** The file must be present (it may hold only its header). */
  required: boolean;
  /** Columns in the format's order (the order `export` writes). */
  columns: readonly string[];
  /** The staging table: `name type` of each value `check` returns, in order (after `line`). */
  staging: readonly (readonly [string, "text" | "int" | "date" | "numeric" | "boolean"])[];
  /** Check one row, reporting through `row`; the staging values, or undefined when the row is invalid. */
  check(row: Row, ctx: ValidationContext): StageValue[] | undefined;
  /** Load the rows straight into their (empty) table instead of merging them (PostgreSQL only). */
  direct?: DirectLoad;
  /** Merge the staged rows (table `x_<name>`) into the registry, set-based. */
  merge(x: MergeContext): Promise<MergeCounts>;
  /**
   * For a regional coordinator, staged rows that would overwrite a stored row outside their
   * programmes (only what the validation could not know without reading the big tables).
   */
  outOfScope?(
    x: MergeContext,
    scope: ImportScope,
  ): Promise<Array<{ line: number; column: string; message: string }>>;
  /** The rows `export` writes for a programme, as text in `columns` order, sorted by code in byte order. */
  exportQuery(scope: ExportScope): RawBuilder<Record<string, string | null>>;
}

/** The staging table of a file: `x_sites`, `x_treatment_plans`… */
export const stagingTable = (file: FileName) => `x_${file.replace(/\.csv$/, "")}`;
