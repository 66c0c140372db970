import { loadPatientOf } from "../../core/access/patients.ts";
import { careDateIssues } from "../../core/care-dates.ts";
import { generateCode } from "../../core/codes.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { FieldIssue } from "../../infra/http/errors.ts";
import { issuesError } from "../../infra/http/errors.ts";
import { findInstrument } from "../instruments/library/index.ts";
import { scoreInput } from "../instruments/score-input.ts";
import { patientSite } from "../patient-site.ts";
import { administrationRowToAdministration } from "./repository.ts";
import type { Administration, AdministrationBody } from "./schemas.ts";

/** Prefix of the assessment codes Praxis generates for administrations. */
export const ASSESSMENT_PREFIX = "A";

/**
 * Record an administration of a library instrument for a patient the user sees: item answers
 * (each checked against its item) or a total (checked against the range), scored by the engine
 * and stored with the instrument's version — as a `measure_administrations` row and as the
 * `assessments` row indicators and exports read (same code). One transaction with its audit
 * entry; any problem (unknown instrument, respondent the instrument does not take, a date in the
 * future or before the birth year, answers or a total out of range) is a 400 naming each field
 * and nothing is stored.
 */
export async function recordAdministration(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  body: AdministrationBody,
): Promise<Administration> {
  return db.transaction().execute(async (trx) => {
    const patient = await loadPatientOf(trx, p, patientId);
    const def = findInstrument(body.instrument);
    const issues: FieldIssue[] = [...careDateIssues("body.date", body.date, patient.birth_year)];
    if (!def) {
      issues.push({
        field: "body.instrument",
        rule: "unknown_instrument",
        message: `"${body.instrument}" is not an instrument of the library`,
      });
      throw issuesError(issues);
    }
    if (!def.respondents.includes(body.respondent))
      issues.push({
        field: "body.respondent",
        rule: "respondent",
        message: `${def.code} is completed by ${def.respondents.join(" or ")}, not by ${body.respondent}`,
      });
    const scored = scoreInput(def, body);
    issues.push(...scored.issues);
    if (issues.length || !scored.result) throw issuesError(issues);
    const result = scored.result;
    const assessment = await trx
      .insertInto("assessments")
      .values({
        code: generateCode(ASSESSMENT_PREFIX, 10),
        patient_id: patientId,
        date: body.date,
        instrument: def.code,
        respondent: body.respondent,
        timepoint: body.timepoint,
        total_score: result.total,
      })
      .returning(["id", "code", "total_score"])
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("measure_administrations")
      .values({
        assessment_id: assessment.id,
        patient_id: patientId,
        instrument: def.code,
        instrument_version: def.version,
        date: body.date,
        timepoint: body.timepoint,
        respondent: body.respondent,
        entry: result.entry,
        answers: result.entry === "items" ? JSON.stringify(body.items) : null,
        result: JSON.stringify(result),
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = administrationRowToAdministration({
      ...row,
      code: assessment.code,
      total_score: assessment.total_score,
    });
    await audit(trx, actor, {
      action: "create",
      entity: "measure_administration",
      entityId: out.id,
      siteId: await patientSite(trx, patientId),
      detail: { before: null, after: out },
    });
    return out;
  });
}
