import { loadPatientOf } from "../core/access/patients.ts";
import { readableSites } from "../core/access/roles.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { today } from "../infra/time/civil-date.ts";
import { loadReferrals } from "./referral-repository.ts";
import type { Referral } from "./schemas.ts";

/** A patient's referrals made at the sites whose data the user reads, newest first; audited. */
export async function listReferrals(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<Array<Referral>> {
  return db.transaction().execute(async (trx) => {
    await loadPatientOf(trx, p, patientId);
    const sites = readableSites(p);
    const out = await loadReferrals(
      trx,
      { patientId, siteIds: sites === "all" ? "all" : [...sites] },
      today(),
    );
    await audit(trx, actor, { action: "read", entity: "referrals", entityId: patientId, siteId: null });
    return out;
  });
}
