import { sql } from "kysely";
import { loadPatientOf } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today, yearOf } from "../infra/time/civil-date.ts";
import { patientRowToPatient } from "./repository.ts";
import type { Patient, PatientPatch } from "./schemas.ts";

/**
 * Correct a patient's birth year, sex, area or first contact. Any user who sees the patient may:
 * the record is shared by the sites that care for them. A birth year after the patient's
 * earliest care record is refused (the record would predate the birth).
 */
export async function updatePatient(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: PatientPatch,
): Promise<Patient> {
  return auditedWrite(db, actor, { action: "update", entity: "patient" }, async (trx) => {
    const before = await loadPatientOf(trx, p, id);
    const birthYear = body.birthYear ?? before.birth_year;
    const first = body.firstContactDate === undefined ? before.first_contact_date : body.firstContactDate;
    const issues = [];
    if (first && first > today())
      issues.push({ field: "body.firstContactDate", rule: "future", message: `${first} is in the future` });
    else if (first && yearOf(first) < birthYear)
      issues.push({
        field: "body.firstContactDate",
        rule: "before_birth",
        message: "is before the birth year",
      });
    if (body.birthYear !== undefined && body.birthYear > before.birth_year) {
      const earliest = await sql<{ d: string | null }>`
        select least(
          (select min(date) from interventions where patient_id = ${id}),
          (select min(enrolment_date) from enrolments where patient_id = ${id}),
          (select min(created_date) from treatment_plans where patient_id = ${id}),
          (select min(date) from assessments where patient_id = ${id})
        )::text as d`.execute(trx);
      const d = earliest.rows[0]?.d ?? null;
      if (d && yearOf(d) < body.birthYear)
        issues.push({
          field: "body.birthYear",
          rule: "records_before_birth",
          message: `the patient has care records from ${d}, before ${body.birthYear}`,
        });
    }
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .updateTable("patients")
      .set({
        birth_year: body.birthYear,
        sex: body.sex,
        residence_area: body.residenceArea,
        first_contact_date: body.firstContactDate,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: patientRowToPatient(row),
      entityId: id,
      siteId: row.registered_site_id,
      before: patientRowToPatient({ ...before }),
      after: patientRowToPatient(row),
    };
  });
}
