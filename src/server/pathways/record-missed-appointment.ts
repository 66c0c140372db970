import type { z } from "zod";
import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { catalogueIssues, loadCatalogue } from "../registry/public.ts";
import { createPatientRecord } from "./patient-record.ts";
import type { MissedAppointment, MissedAppointmentBody } from "./schemas.ts";

type Out = z.infer<typeof MissedAppointment>;

/**
 * Record that a patient did not attend an appointment (DNA), from the intervention form: its own
 * row in `missed_appointments`, never an intervention (interventions mean "delivered" and feed the
 * indicator facts). The same checks as an intervention: a patient the user sees, a site they
 * write at, a care date, a type of the catalogue; audited in the same transaction.
 */
export async function recordMissedAppointment(
  db: Db,
  p: Principal,
  actor: Actor,
  body: MissedAppointmentBody,
): Promise<Out> {
  return createPatientRecord(db, p, actor, "missed_appointment", body, async (trx, patient) => {
    const issues = [
      ...careDateIssues("body.date", body.date, patient.birth_year),
      ...catalogueIssues(await loadCatalogue(trx), "body.", { type: body.type }),
    ];
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("missed_appointments")
      .values({
        patient_id: body.patientId,
        site_id: body.siteId,
        date: body.date,
        type: body.type,
        professional_code: body.professionalCode ?? null,
        professional_profile: body.professionalProfile ?? null,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const out: Out = {
      id: row.id,
      patientId: body.patientId,
      siteId: body.siteId,
      date: body.date,
      type: body.type,
      professionalCode: body.professionalCode ?? null,
      professionalProfile: body.professionalProfile ?? null,
    };
    return { id: row.id, record: out };
  });
}
