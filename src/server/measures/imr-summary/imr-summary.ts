import type { Selectable } from "kysely";
import type { z } from "zod";
import { assertSiteReadable, assertSiteWritable, loadPatientOf } from "../../core/access/patients.ts";
import { careDateIssues } from "../../core/care-dates.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { ImrSummaryTable } from "../../infra/db/schema.ts";
import type { FieldIssue } from "../../infra/http/errors.ts";
import { issuesError } from "../../infra/http/errors.ts";
import { type DerivedImrSummary, deriveImrSummary } from "./derive-imr-summary.ts";
import type { ImrSummary, ImrSummaryBody } from "./schemas.ts";

type Out = z.infer<typeof ImrSummary>;

const savedOf = (r: Selectable<ImrSummaryTable>): NonNullable<Out["saved"]> => ({
  startDate: r.start_date,
  stopDate: r.stop_date,
  serviceId: r.service_id,
  format: r.format as Out["summary"]["format"],
  manualVersion: r.manual_version,
  sessions: r.sessions,
  modules: r.modules,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

function assemble(
  patientId: number,
  siteId: number,
  derived: DerivedImrSummary,
  row: Selectable<ImrSummaryTable> | undefined,
): Out {
  const saved = row ? savedOf(row) : null;
  return {
    patientId,
    siteId,
    derived,
    saved,
    summary: {
      startDate: saved?.startDate ?? derived.startDate,
      stopDate: saved ? saved.stopDate : derived.stopDate,
      serviceId: saved?.serviceId ?? null,
      format: saved?.format ?? derived.format,
      manualVersion: saved?.manualVersion ?? null,
      sessions: saved?.sessions ?? derived.sessions,
      modules: saved ? saved.modules : derived.modules,
    },
  };
}

/** The IMR summary form of a patient at a site: derived from the registry, with what the provider saved. Audited read. */
export async function getImrSummary(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  siteId: number,
): Promise<Out> {
  await loadPatientOf(db, p, patientId);
  assertSiteReadable(p, siteId);
  const [derived, row] = await Promise.all([
    deriveImrSummary(db, patientId, siteId),
    db
      .selectFrom("imr_summaries")
      .selectAll()
      .where("patient_id", "=", patientId)
      .where("site_id", "=", siteId)
      .executeTakeFirst(),
  ]);
  await audit(db, actor, {
    action: "read",
    entity: "imr_summary",
    entityId: `${patientId}/${siteId}`,
    siteId,
  });
  return assemble(patientId, siteId, derived, row);
}

/**
 * Save the IMR summary form (the provider completes what the registry cannot tell: service,
 * manual version; and may correct the rest). Fields left out take the derived value. Refused with
 * 400 naming the field: a service of another site, a stop before the start, dates in the future
 * or before the patient's birth year, no start date at all. Audited with before/after.
 */
export async function saveImrSummary(
  db: Db,
  p: Principal,
  actor: Actor,
  patientId: number,
  body: ImrSummaryBody,
): Promise<Out> {
  return db.transaction().execute(async (trx) => {
    const patient = await loadPatientOf(trx, p, patientId);
    assertSiteWritable(p, body.siteId);
    const derived = await deriveImrSummary(trx, patientId, body.siteId);
    const before = await trx
      .selectFrom("imr_summaries")
      .selectAll()
      .where("patient_id", "=", patientId)
      .where("site_id", "=", body.siteId)
      .forUpdate()
      .executeTakeFirst();
    const start = body.startDate ?? before?.start_date ?? derived.startDate;
    const stop = body.stopDate === undefined ? (before ? before.stop_date : derived.stopDate) : body.stopDate;
    const issues: FieldIssue[] = [];
    if (!start)
      issues.push({
        field: "body.startDate",
        rule: "required",
        message: "no IMR session is recorded here: give the start date",
      });
    else issues.push(...careDateIssues("body.startDate", start, patient.birth_year));
    if (stop) {
      issues.push(...careDateIssues("body.stopDate", stop, patient.birth_year));
      if (start && stop < start)
        issues.push({
          field: "body.stopDate",
          rule: "before_start",
          message: `${stop} is before the start ${start}`,
        });
    }
    const serviceId = body.serviceId === undefined ? (before?.service_id ?? null) : body.serviceId;
    if (serviceId !== null) {
      const service = await trx
        .selectFrom("services")
        .select("site_id")
        .where("id", "=", serviceId)
        .executeTakeFirst();
      if (!service) issues.push({ field: "body.serviceId", rule: "reference", message: "no such service" });
      else if (service.site_id !== body.siteId)
        issues.push({
          field: "body.serviceId",
          rule: "other_site",
          message: "this service belongs to another site",
        });
    }
    if (issues.length) throw issuesError(issues);
    const values = {
      patient_id: patientId,
      site_id: body.siteId,
      service_id: serviceId,
      start_date: start!,
      stop_date: stop,
      format: body.format ?? before?.format ?? derived.format,
      manual_version:
        body.manualVersion === undefined ? (before?.manual_version ?? null) : body.manualVersion,
      sessions: body.sessions ?? before?.sessions ?? derived.sessions,
      modules: body.modules ?? before?.modules ?? derived.modules,
      updated_by: actor.id,
      updated_at: new Date(),
    };
    const row = await trx
      .insertInto("imr_summaries")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["patient_id", "site_id"]).doUpdateSet((eb) => ({
          ...values,
          version: eb("imr_summaries.version", "+", 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = assemble(patientId, body.siteId, derived, row);
    await audit(trx, actor, {
      action: before ? "update" : "create",
      entity: "imr_summary",
      entityId: row.id,
      siteId: body.siteId,
      detail: { before: before ? savedOf(before) : null, after: out.saved },
    });
    return out;
  });
}
