import { sql } from "kysely";
import { loadPatientOf } from "../core/access/patients.ts";
import { readableSites } from "../core/access/roles.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { writableSitesFor } from "./access.ts";
import { loadCarePlans, loadConsents, loadCrisisPlan } from "./repository.ts";
import type { PatientCare } from "./schemas.ts";

/**
 * The "Consent and care plans" section of a patient the user sees through the registry: consents
 * (history included), the content of the treatment plans at the sites the user reads, the crisis
 * plan, and what the forms offer (the directory services of the patient's regions, the
 * professionals of the patient's sites). Audited as a patient-level read.
 */
export async function readPatientCare(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
): Promise<PatientCare> {
  return db.transaction().execute(async (trx) => {
    await loadPatientOf(trx, p, patientId);
    const readable = readableSites(p);
    const writable = await writableSitesFor(trx, p, patientId);
    const consents = await loadConsents(trx, [patientId]);
    const carePlans = await loadCarePlans(trx, patientId, readable === "all" ? "all" : [...readable]);
    const crisisPlan = await loadCrisisPlan(trx, patientId);
    // the sites where the patient is known, and their regions
    const patientSites = sql<{ site_id: number }>`(
      select registered_site_id as site_id from patients where id = ${patientId} and registered_site_id is not null
      union select site_id from enrolments where patient_id = ${patientId}
      union select site_id from treatment_plans where patient_id = ${patientId}
      union select site_id from interventions where patient_id = ${patientId})`;
    const services = await trx
      .selectFrom("directory_services as d")
      .select(["d.id", "d.code", "d.name"])
      .where("d.active", "=", true)
      .where(
        "d.region_id",
        "in",
        sql<number>`(select s.region_id from sites s where s.id in (select site_id from ${patientSites} as x))`,
      )
      .orderBy("d.name")
      .execute();
    const professionals = await trx
      .selectFrom("professionals as pr")
      .select(["pr.id", "pr.code", "pr.profile", "pr.site_id as siteId"])
      .where("pr.site_id", "in", sql<number>`(select site_id from ${patientSites} as x)`)
      .orderBy("pr.code")
      .execute();
    await audit(trx, actor, { action: "read", entity: "care_record", entityId: patientId, siteId: null });
    return {
      patientId,
      canWrite: writable.length > 0,
      writableSiteIds: writable,
      consents,
      carePlans,
      crisisPlan,
      services,
      professionals,
    };
  });
}
