import type { z } from "zod";
import { loadPatientOf } from "../core/access/patients.ts";
import { readableSites } from "../core/access/roles.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { DeclinedOffer } from "./schemas.ts";

type Out = z.infer<typeof DeclinedOffer>;

/**
 * The declined offers of a patient the user sees, at the sites whose data the user reads, newest
 * first; the read is audited in the same transaction.
 */
export async function listDeclinedOffers(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<Out[]> {
  return db.transaction().execute(async (trx) => {
    await loadPatientOf(trx, p, patientId);
    const sites = readableSites(p);
    let q = trx
      .selectFrom("declined_offers as o")
      .innerJoin("programmes as pr", "pr.id", "o.programme_id")
      .innerJoin("sites as s", "s.id", "o.site_id")
      .select([
        "o.id",
        "o.patient_id",
        "o.programme_id",
        "pr.code as programme_code",
        "o.site_id",
        "s.code as site_code",
        "o.offer_date",
        "o.reason",
      ])
      .where("o.patient_id", "=", patientId)
      .orderBy("o.offer_date", "desc")
      .orderBy("o.id", "desc");
    if (sites !== "all") q = q.where("o.site_id", "in", [...sites, 0]);
    const rows = await q.execute();
    await audit(trx, actor, { action: "read", entity: "declined_offers", entityId: patientId, siteId: null });
    return rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      programmeId: r.programme_id,
      programmeCode: r.programme_code,
      siteId: r.site_id,
      siteCode: r.site_code,
      offerDate: r.offer_date,
      reason: r.reason as Out["reason"],
    }));
  });
}
