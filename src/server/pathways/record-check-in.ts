import type { z } from "zod";
import type { CheckInOutcome, DisengagementList } from "../../shared/pathways.ts";
import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { createPatientRecord } from "./patient-record.ts";
import type { CheckIn, CheckInBody } from "./schemas.ts";

type Out = z.infer<typeof CheckIn>;

/**
 * Record a check-in with a patient of a disengagement worklist: when, from which list, what came
 * of it. A check-in on or after the patient's latest event at the site takes them off the lists
 * until the next event (disengagement.ts). Patient-level write: access, care date, audit.
 */
export async function recordCheckIn(db: Db, p: Principal, actor: Actor, body: CheckInBody): Promise<Out> {
  return createPatientRecord(db, p, actor, "check_in", body, async (trx, patient) => {
    const issues = careDateIssues("body.date", body.date, patient.birth_year);
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("check_ins")
      .values({
        patient_id: body.patientId,
        site_id: body.siteId,
        date: body.date,
        list: body.list,
        outcome: body.outcome,
        note: body.note ?? "",
        created_by: actor.id,
      })
      .returning(["id", "note"])
      .executeTakeFirstOrThrow();
    const out: Out = {
      id: row.id,
      patientId: body.patientId,
      siteId: body.siteId,
      date: body.date,
      list: body.list as DisengagementList,
      outcome: body.outcome as CheckInOutcome,
      note: row.note,
    };
    return { id: row.id, record: out };
  });
}
