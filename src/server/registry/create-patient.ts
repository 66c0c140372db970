import { checkWritableSites } from "../core/access/patients.ts";
import { CODE_PREFIX, generateCode } from "../core/codes.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today, yearOf } from "../infra/time/civil-date.ts";
import { patientRowToPatient } from "./repository.ts";
import type { Patient, PatientBody } from "./schemas.ts";

/**
 * Register a pseudonymous patient at a site the user records for. The code is the caller's
 * pseudonym or a generated one; a duplicate code is a 409 on `body.code`.
 */
export async function createPatient(db: Db, p: Principal, actor: Actor, body: PatientBody): Promise<Patient> {
  const first = body.firstContactDate ?? null;
  if (first && first > today())
    throw issuesError([
      { field: "body.firstContactDate", rule: "future", message: `${first} is in the future` },
    ]);
  if (first && yearOf(first) < body.birthYear)
    throw issuesError([
      { field: "body.firstContactDate", rule: "before_birth", message: "is before the birth year" },
    ]);
  return auditedWrite(db, actor, { action: "create", entity: "patient" }, async (trx) => {
    await checkWritableSites(trx, p, [{ siteId: body.siteId, field: "body.siteId" }]);
    const row = await trx
      .insertInto("patients")
      .values({
        code: body.code ?? generateCode(CODE_PREFIX.patient),
        birth_year: body.birthYear,
        sex: body.sex,
        residence_area: body.residenceArea ?? null,
        first_contact_date: first,
        registered_site_id: body.siteId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const patient = patientRowToPatient(row);
    return { result: patient, entityId: row.id, siteId: body.siteId, before: null, after: patient };
  });
}
