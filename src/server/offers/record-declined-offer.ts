import type { z } from "zod";
import { loadWritablePatient } from "../core/access/writable-patient.ts";
import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import type { DeclinedOffer, DeclinedOfferBody } from "./schemas.ts";

type Out = z.infer<typeof DeclinedOffer>;

/**
 * Record that a programme was offered to a patient at one of its sites and declined, in one
 * audited transaction. The registry's rules decide (core/access/patients.ts): a patient the user
 * sees (403 otherwise), a site the user writes at (403); the site must be one of the programme's,
 * the date a care date (not in the future, not before the birth year), and the patient not
 * enrolled in the programme on that date — each refused with 400 naming the field, storing nothing.
 */
export async function recordDeclinedOffer(
  db: Db,
  p: Principal,
  actor: Actor,
  body: DeclinedOfferBody,
): Promise<Out> {
  return auditedWrite(db, actor, { action: "create", entity: "declined_offer" }, async (trx) => {
    const patient = await loadWritablePatient(trx, p, body);
    const programme = await trx
      .selectFrom("programmes as pr")
      .leftJoin("programme_sites as ps", (j) =>
        j.onRef("ps.programme_id", "=", "pr.id").on("ps.site_id", "=", body.siteId),
      )
      .innerJoin("sites as s", (j) => j.on("s.id", "=", body.siteId))
      .select(["pr.code", "ps.site_id", "s.code as site_code"])
      .where("pr.id", "=", body.programmeId)
      .executeTakeFirst();
    const issues: FieldIssue[] = [];
    if (!programme)
      issues.push({ field: "body.programmeId", rule: "reference", message: "no such programme" });
    else if (programme.site_id === null)
      issues.push({ field: "body.siteId", rule: "programme_site", message: "not a site of this programme" });
    issues.push(...careDateIssues("body.offerDate", body.offerDate, patient.birth_year));
    const enrolled = await trx
      .selectFrom("enrolments")
      .select("code")
      .where("patient_id", "=", body.patientId)
      .where("programme_id", "=", body.programmeId)
      .where("enrolment_date", "<=", body.offerDate)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", body.offerDate)]))
      .executeTakeFirst();
    if (enrolled)
      issues.push({
        field: "body.programmeId",
        rule: "already_enrolled",
        params: { enrolment: enrolled.code },
        message: `the patient is enrolled in this programme on that date (${enrolled.code})`,
      });
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("declined_offers")
      .values({
        patient_id: body.patientId,
        programme_id: body.programmeId,
        site_id: body.siteId,
        offer_date: body.offerDate,
        reason: body.reason,
        created_by: actor.id,
      })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    const out: Out = {
      id: row.id,
      patientId: body.patientId,
      programmeId: body.programmeId,
      programmeCode: programme!.code,
      siteId: body.siteId,
      siteCode: programme!.site_code,
      offerDate: body.offerDate,
      reason: body.reason,
    };
    return {
      result: out,
      entityId: row.id,
      siteId: body.siteId,
      programmeId: body.programmeId,
      before: null,
      after: out,
    };
  });
}
