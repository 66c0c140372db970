import type { Transaction } from "kysely";
import type { PatientRef } from "../core/access/patients.ts";
import { loadWritablePatient } from "../core/access/writable-patient.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB } from "../infra/db/schema.ts";

/**
 * A new pathway record of a patient at a site, in one audited transaction: a patient the user
 * sees and a site the user writes at (loadWritablePatient), then `create` checks the rest and
 * inserts the row; the audit entry names the new row and the site, the record as created.
 */
export async function createPatientRecord<T>(
  db: Db,
  p: Principal,
  actor: Actor,
  entity: string,
  body: { patientId: number; siteId: number },
  create: (trx: Transaction<DB>, patient: PatientRef) => Promise<{ id: number; record: T }>,
): Promise<T> {
  return auditedWrite(db, actor, { action: "create", entity }, async (trx) => {
    const patient = await loadWritablePatient(trx, p, body);
    const { id, record } = await create(trx, patient);
    return { result: record, entityId: id, siteId: body.siteId, before: null, after: record };
  });
}
