import { assertSiteWritable, loadPatientsFor } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { interventionRowToIntervention } from "./repository.ts";

/**
 * Delete an intervention recorded by mistake (at a site the user records for, of a patient they
 * see). The audit entry keeps the whole record as it was.
 */
export async function deleteIntervention(db: Db, p: Principal, actor: Actor, id: number): Promise<void> {
  await auditedWrite(db, actor, { action: "delete", entity: "intervention" }, async (trx) => {
    const row = await trx
      .selectFrom("interventions")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("intervention");
    assertSiteWritable(p, row.site_id);
    await loadPatientsFor(trx, p, [{ patientId: row.patient_id, field: "patientId" }]);
    await trx.deleteFrom("interventions").where("id", "=", id).execute();
    return {
      result: undefined,
      entityId: id,
      siteId: row.site_id,
      before: interventionRowToIntervention(row),
      after: null,
    };
  });
}
