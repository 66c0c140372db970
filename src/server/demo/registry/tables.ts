/**
 * The registry tables the demo writes, their columns in row order and each column's SQL type.
 * Generators produce rows as plain arrays in this order; the writers encode them for COPY or for
 * an `insert … select from unnest(…)`. Listed in foreign-key order: a table only references
 * tables above it.
 */
export type Value = string | number | boolean | null;
export type Row = Value[];

export interface TableSpec {
  name: TableName;
  columns: ReadonlyArray<readonly [column: string, type: string]>;
  /** the serial column whose sequence must follow explicit ids */
  serial?: string;
}

export const TABLE_NAMES = [
  "patients",
  "enrolments",
  "groups",
  "group_members",
  "group_sessions",
  "interventions",
  "assessments",
  "treatment_plans",
  "treatment_plan_history",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const TABLES: Record<TableName, TableSpec> = {
  patients: {
    name: "patients",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["code", "text"],
      ["birth_year", "integer"],
      ["sex", "text"],
      ["residence_area", "text"],
      ["first_contact_date", "date"],
      ["created_at", "timestamptz"],
    ],
  },
  enrolments: {
    name: "enrolments",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["code", "text"],
      ["patient_id", "integer"],
      ["programme_id", "integer"],
      ["site_id", "integer"],
      ["enrolment_date", "date"],
      ["end_date", "date"],
      ["end_reason", "text"],
      ["primary_diagnosis", "text"],
      ["secondary_diagnosis", "text"],
      ["case_manager_code", "text"],
      ["case_manager_profile", "text"],
    ],
  },
  groups: {
    name: "groups",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["code", "text"],
      ["site_id", "integer"],
      ["programme_id", "integer"],
      ["kind", "text"],
      ["name", "text"],
      ["start_date", "date"],
      ["end_date", "date"],
      ["max_size", "integer"],
      ["facilitators", "text[]"],
    ],
  },
  group_members: {
    name: "group_members",
    columns: [
      ["group_id", "integer"],
      ["patient_id", "integer"],
      ["joined_date", "date"],
      ["left_date", "date"],
    ],
  },
  group_sessions: {
    name: "group_sessions",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["group_id", "integer"],
      ["date", "date"],
      ["module", "text"],
      ["duration_min", "integer"],
      ["professional_code", "text"],
      ["created_at", "timestamptz"],
    ],
  },
  interventions: {
    name: "interventions",
    serial: "id",
    columns: [
      ["id", "bigint"],
      ["code", "text"],
      ["patient_id", "integer"],
      ["site_id", "integer"],
      ["date", "date"],
      ["type", "text"],
      ["setting", "text"],
      ["recipient", "text"],
      ["professional_code", "text"],
      ["professional_profile", "text"],
      ["duration_min", "integer"],
      ["group_id", "integer"],
      ["group_session_id", "integer"],
      ["module", "text"],
    ],
  },
  assessments: {
    name: "assessments",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["code", "text"],
      ["patient_id", "integer"],
      ["date", "date"],
      ["instrument", "text"],
      ["respondent", "text"],
      ["timepoint", "text"],
      ["total_score", "numeric"],
    ],
  },
  treatment_plans: {
    name: "treatment_plans",
    serial: "id",
    columns: [
      ["id", "integer"],
      ["code", "text"],
      ["patient_id", "integer"],
      ["site_id", "integer"],
      ["created_date", "date"],
      ["shared_with_patient_date", "date"],
      ["signed_by_patient", "boolean"],
      ["shared_with_social_services", "boolean"],
      ["shared_with_work_inclusion", "boolean"],
      ["integrated_actions_started", "boolean"],
      ["version", "integer"],
    ],
  },
  treatment_plan_history: {
    name: "treatment_plan_history",
    columns: [
      ["plan_id", "integer"],
      ["version", "integer"],
      ["changed_at", "timestamptz"],
      ["changed_by", "text"],
      ["state", "jsonb"],
    ],
  },
};

/** Rows waiting to be written, per table. */
export class Batch {
  readonly rows: Record<TableName, Row[]> = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, []]),
  ) as unknown as Record<TableName, Row[]>;
  size = 0;

  add(table: TableName, row: Row): void {
    this.rows[table].push(row);
    this.size += 1;
  }
}
