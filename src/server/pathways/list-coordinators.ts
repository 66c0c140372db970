import { loadPatientOf } from "../core/access/patients.ts";
import { readableSites } from "../core/access/roles.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { loadEnrolmentCoordinators } from "./coordinator-repository.ts";
import type { EnrolmentCoordinator } from "./schemas.ts";

/** A patient's enrolments at the user's sites with their named coordinator; audited. */
export async function listCoordinators(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<Array<EnrolmentCoordinator>> {
  return db.transaction().execute(async (trx) => {
    await loadPatientOf(trx, p, patientId);
    const sites = readableSites(p);
    const out = await loadEnrolmentCoordinators(trx, {
      patientId,
      siteIds: sites === "all" ? "all" : [...sites],
    });
    await audit(trx, actor, {
      action: "read",
      entity: "enrolment_coordinators",
      entityId: patientId,
      siteId: null,
    });
    return out;
  });
}
