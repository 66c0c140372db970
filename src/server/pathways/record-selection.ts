import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * Which rows of a pathway table (referrals, stratifications, enrolments' coordinators) a
 * repository loads: some by id — the one just written, for its answer and audit entry — or one
 * patient's at the sites the user sees ("all" for every site).
 */
export type RecordSelection = { ids: number[] } | { patientId: number; siteIds: number[] | "all" };

/**
 * The selection as a condition on the table of alias `t` (its `id`, `patient_id` and `site_id`);
 * the extra 0 keeps an empty list valid SQL.
 */
export function selectedRecords(t: string, where: RecordSelection): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${t}.${name}`);
  const oneOf = (values: number[]) => sql.join([...values, 0]);
  if ("ids" in where) return sql<SqlBool>`${column("id")} in (${oneOf(where.ids)})`;
  const patient = sql<SqlBool>`${column("patient_id")} = ${where.patientId}`;
  if (where.siteIds === "all") return patient;
  return sql<SqlBool>`${patient} and ${column("site_id")} in (${oneOf(where.siteIds)})`;
}
