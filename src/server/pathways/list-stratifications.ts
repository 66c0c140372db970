import { loadPatientOf } from "../core/access/patients.ts";
import { readableSites } from "../core/access/roles.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Stratification } from "./schemas.ts";
import { loadStratifications } from "./stratification-repository.ts";

/** A patient's Four Quadrants history at the sites whose data the user reads, newest first; audited. */
export async function listStratifications(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<Array<Stratification>> {
  return db.transaction().execute(async (trx) => {
    await loadPatientOf(trx, p, patientId);
    const sites = readableSites(p);
    const out = await loadStratifications(trx, { patientId, siteIds: sites === "all" ? "all" : [...sites] });
    await audit(trx, actor, {
      action: "read",
      entity: "pathway_stratifications",
      entityId: patientId,
      siteId: null,
    });
    return out;
  });
}
