import type { Principal } from "../../infra/auth/principal.ts";
import type { Executor } from "../../infra/db/executor.ts";
import { checkWritableSites, loadPatientsFor, type PatientRef } from "./patients.ts";

/**
 * The patient of a patient-level write at a site (`body.patientId` at `body.siteId`): a patient the
 * user sees (400 unknown, 403 hidden), then a site the user writes at (400 unknown, 403 refused).
 */
export async function loadWritablePatient(
  db: Executor,
  p: Principal,
  body: { patientId: number; siteId: number },
): Promise<PatientRef> {
  const patient = (
    await loadPatientsFor(db, p, [{ patientId: body.patientId, field: "body.patientId" }])
  ).get(body.patientId)!;
  await checkWritableSites(db, p, [{ siteId: body.siteId, field: "body.siteId" }]);
  return patient;
}
