import type { z } from "zod";
import type { ConsentScope } from "../../shared/care.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { SharedPatient } from "./schemas.ts";
import { sharingSites } from "./shared-services.ts";

/**
 * "Plans shared with my service": the patients (pseudonymous codes) whose current consent names a
 * service linked to one of the user's sites, with those services, in one query. Audited as a
 * patient-level read. Users without a site grant get an empty list.
 */
export async function listSharedPlans(db: Db, p: Principal, actor: Actor): Promise<Array<SharedPatient>> {
  const sites = sharingSites(p);
  return db.transaction().execute(async (trx) => {
    const rows = sites.length
      ? await trx
          .selectFrom("care_consents as c")
          .innerJoin("directory_service_sites as l", "l.service_id", "c.service_id")
          .innerJoin("directory_services as d", "d.id", "c.service_id")
          .innerJoin("patients as pt", "pt.id", "c.patient_id")
          .select([
            "pt.id as patient_id",
            "pt.code as patient_code",
            "d.id",
            "d.code",
            "d.name",
            "c.scope",
            "c.given_date",
          ])
          .where("c.withdrawn_date", "is", null)
          .where("l.site_id", "in", sites)
          .orderBy("pt.code")
          .orderBy("d.name")
          .execute()
      : [];
    const byPatient = new Map<number, z.infer<typeof SharedPatient>>();
    for (const r of rows) {
      const entry = byPatient.get(r.patient_id) ?? {
        patientId: r.patient_id,
        patientCode: r.patient_code,
        services: [],
      };
      entry.services.push({
        id: r.id,
        code: r.code,
        name: r.name,
        scope: r.scope as ConsentScope,
        givenDate: r.given_date,
      });
      byPatient.set(r.patient_id, entry);
    }
    await audit(trx, actor, {
      action: "read",
      entity: "shared_care_plans",
      entityId: null,
      detail: { patients: [...byPatient.keys()] },
    });
    return [...byPatient.values()];
  });
}
