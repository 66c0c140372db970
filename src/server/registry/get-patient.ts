import type { z } from "zod";
import { loadPatientOf } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { enrolmentsWithCodes, patientRowToPatient } from "./repository.ts";
import type { EnrolmentSummary, PatientDetail } from "./schemas.ts";

/** One patient the user sees, with their enrolments (programme and site codes); audited. */
export async function getPatient(db: Db, p: Principal, actor: Actor, id: number): Promise<PatientDetail> {
  const patient = await loadPatientOf(db, p, id);
  const enrolments = await enrolmentsWithCodes(db)
    .select([
      "e.id",
      "e.code",
      "e.programme_id",
      "e.site_id",
      "e.enrolment_date",
      "e.end_date",
      "e.end_reason",
    ])
    .where("e.patient_id", "=", id)
    .orderBy("e.enrolment_date")
    .orderBy("e.id")
    .execute();
  await audit(db, actor, {
    action: "read",
    entity: "patient",
    entityId: id,
    siteId: patient.registered_site_id ?? enrolments[0]?.site_id ?? null,
  });
  return {
    ...patientRowToPatient(patient),
    enrolments: enrolments.map(
      (e): z.infer<typeof EnrolmentSummary> => ({
        id: e.id,
        code: e.code,
        programmeId: e.programme_id,
        programmeCode: e.programme_code,
        siteId: e.site_id,
        siteCode: e.site_code,
        enrolmentDate: e.enrolment_date,
        endDate: e.end_date,
        endReason: e.end_reason as z.infer<typeof EnrolmentSummary>["endReason"],
      }),
    ),
  };
}
