import { sql, type Transaction } from "kysely";
import type { Db } from "../infra/db/database.ts";
import type { DB } from "../infra/db/schema.ts";

/** The site an audit entry about a patient names: where they were registered, else their first enrolment. */
export async function patientSite(db: Db | Transaction<DB>, patientId: number): Promise<number | null> {
  const { rows } = await sql<{ site: number | null }>`
    select coalesce(
      (select registered_site_id from patients where id = ${patientId}),
      (select site_id from enrolments where patient_id = ${patientId} order by enrolment_date, id limit 1)
    ) as site`.execute(db);
  return rows[0]?.site ?? null;
}
