import { assertSiteWritable, loadPatientsFor } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
import { loadEnrolmentCoordinators } from "./coordinator-repository.ts";
import type { CoordinatorBody, EnrolmentCoordinator } from "./schemas.ts";

/**
 * Name the coordinator of an enrolment: a professional of the enrolment's site (400 `not_at_site`
 * otherwise, `reference` when unknown). Sets both the coordinator and the exchange format's case
 * manager code and profile (the `case_manager` indicator counts the code), so the two never
 * disagree; null clears both. One audited transaction, the enrolment locked.
 */
export async function setCoordinator(
  db: Db,
  p: Principal,
  actor: Actor,
  enrolmentId: number,
  body: CoordinatorBody,
): Promise<EnrolmentCoordinator> {
  return auditedWrite(db, actor, { action: "update", entity: "enrolment_coordinator" }, async (trx) => {
    const enrolment = await trx
      .selectFrom("enrolments")
      .select(["id", "patient_id", "site_id", "programme_id"])
      .where("id", "=", enrolmentId)
      .forUpdate()
      .executeTakeFirst();
    if (!enrolment) throw notFound("enrolment");
    assertSiteWritable(p, enrolment.site_id);
    await loadPatientsFor(trx, p, [{ patientId: enrolment.patient_id, field: "patientId" }]);
    const [before] = await loadEnrolmentCoordinators(trx, { ids: [enrolmentId] });
    let set: {
      coordinator_professional_id: number | null;
      case_manager_code: string | null;
      case_manager_profile: string | null;
    };
    if (body.professionalId === null)
      set = { coordinator_professional_id: null, case_manager_code: null, case_manager_profile: null };
    else {
      const professional = await trx
        .selectFrom("professionals")
        .select(["id", "code", "profile", "site_id"])
        .where("id", "=", body.professionalId)
        .executeTakeFirst();
      if (!professional) throw invalid("body.professionalId", "reference", "no such professional");
      if (professional.site_id !== enrolment.site_id)
        throw invalid("body.professionalId", "not_at_site", "not a professional of the enrolment's site");
      set = {
        coordinator_professional_id: professional.id,
        case_manager_code: professional.code,
        case_manager_profile: professional.profile,
      };
    }
    await trx.updateTable("enrolments").set(set).where("id", "=", enrolmentId).execute();
    const [after] = await loadEnrolmentCoordinators(trx, { ids: [enrolmentId] });
    return {
      result: after!,
      entityId: enrolmentId,
      siteId: enrolment.site_id,
      programmeId: enrolment.programme_id,
      before,
      after,
    };
  });
}
