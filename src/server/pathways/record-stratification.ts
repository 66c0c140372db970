import { quadrantOf } from "../../shared/pathways.ts";
import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { createPatientRecord } from "./patient-record.ts";
import type { Stratification, StratificationBody } from "./schemas.ts";
import { loadStratifications } from "./stratification-repository.ts";

/**
 * Place a patient in a quadrant of the Four Quadrants at a site on a date: the two severities
 * give the quadrant (`quadrantOf`); a new row each time, so the history stays. Access as for every
 * patient-level write; the date a care date; audited in the same transaction.
 */
export async function recordStratification(
  db: Db,
  p: Principal,
  actor: Actor,
  body: StratificationBody,
): Promise<Stratification> {
  return createPatientRecord(db, p, actor, "pathway_stratification", body, async (trx, patient) => {
    const issues = careDateIssues("body.date", body.date, patient.birth_year);
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("pathway_stratifications")
      .values({
        patient_id: body.patientId,
        site_id: body.siteId,
        stratified_date: body.date,
        mental_health_severity: body.mentalHealthSeverity,
        co_occurring_severity: body.coOccurringSeverity,
        quadrant: quadrantOf(body.mentalHealthSeverity, body.coOccurringSeverity),
        note: body.note ?? "",
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [out] = await loadStratifications(trx, { ids: [row.id] });
    return { id: row.id, record: out! };
  });
}
