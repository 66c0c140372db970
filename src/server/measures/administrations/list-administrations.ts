import { loadPatientOf } from "../../core/access/patients.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { patientSite } from "../patient-site.ts";
import { administrationRowToAdministration } from "./repository.ts";
import type { Administration } from "./schemas.ts";

/** A patient's administrations (optionally of one instrument), oldest first; the read is audited. */
export async function listAdministrations(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  instrument: string | undefined,
): Promise<Array<Administration>> {
  await loadPatientOf(db, p, patientId);
  let q = db
    .selectFrom("measure_administrations as m")
    .innerJoin("assessments as a", "a.id", "m.assessment_id")
    .selectAll("m")
    .select(["a.code", "a.total_score"])
    .where("m.patient_id", "=", patientId)
    .orderBy("m.date")
    .orderBy("m.id");
  if (instrument) q = q.where("m.instrument", "=", instrument);
  const rows = await q.execute();
  await audit(db, actor, {
    action: "read",
    entity: "measure_administration",
    entityId: patientId,
    siteId: await patientSite(db, patientId),
    detail: { patientId, instrument: instrument ?? null, count: rows.length },
  });
  return rows.map(administrationRowToAdministration);
}
