import { type ConsentScope, scopeCovers } from "../../shared/care.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError, notFound } from "../infra/http/errors.ts";
import { loadCarePlans, loadCrisisPlan } from "./repository.ts";
import type { SharedPlan } from "./schemas.ts";
import { sharingSites } from "./shared-services.ts";

export const NO_CONSENT =
  "the patient has not consented to share their care or crisis plan with a service of your sites, or has withdrawn consent";

/**
 * A patient's care and crisis plans as a service the patient consented to share them with reads
 * them: only the plans' content (no other part of the record), only what the consents' scopes
 * cover. Consent is checked on every read, in the same transaction as the read (no cache): a
 * withdrawal takes effect on the next read. The allowed read is audited (`read`), and so is the
 * refusal (`read_refused`, committed before the 403 `no_consent` is answered).
 */
export async function readSharedPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<SharedPlan> {
  const sites = sharingSites(p);
  const outcome = await db.transaction().execute(async (trx) => {
    const patient = await trx
      .selectFrom("patients")
      .select(["id", "code"])
      .where("id", "=", patientId)
      .executeTakeFirst();
    if (!patient) throw notFound("patient");
    const consents = sites.length
      ? await trx
          .selectFrom("care_consents as c")
          .innerJoin("directory_service_sites as l", "l.service_id", "c.service_id")
          .innerJoin("directory_services as d", "d.id", "c.service_id")
          .select(["d.id", "d.code", "d.name", "c.scope", "c.id as consent_id"])
          .where("c.patient_id", "=", patientId)
          .where("c.withdrawn_date", "is", null)
          .where("l.site_id", "in", sites)
          .orderBy("d.name")
          .execute()
      : [];
    if (consents.length === 0) {
      await audit(trx, actor, {
        action: "read_refused",
        entity: "shared_care_plan",
        entityId: patientId,
        detail: { reason: "no_consent", sites },
      });
      return null;
    }
    const scopes = consents.map((c) => c.scope as ConsentScope);
    const care = scopes.some((s) => scopeCovers(s, "care_plan"));
    const crisis = scopes.some((s) => scopeCovers(s, "crisis_plan"));
    const result = {
      patientId,
      patientCode: patient.code,
      services: consents.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        scope: c.scope as ConsentScope,
      })),
      carePlans: care ? await loadCarePlans(trx, patientId, "all") : null,
      crisisPlan: crisis ? await loadCrisisPlan(trx, patientId) : null,
    };
    await audit(trx, actor, {
      action: "read",
      entity: "shared_care_plan",
      entityId: patientId,
      detail: { consents: consents.map((c) => c.consent_id), carePlan: care, crisisPlan: crisis },
    });
    return result;
  });
  if (!outcome) throw new AppError("forbidden", NO_CONSENT, [], {}, "no_consent");
  return outcome;
}
