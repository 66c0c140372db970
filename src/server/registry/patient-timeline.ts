import { type Selectable, sql } from "kysely";
import type { z } from "zod";
import { loadPatientOf } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { InterventionTable } from "../infra/db/schema.ts";
import { today } from "../infra/time/civil-date.ts";
import { carePeriodEnd, earlyWindow, plansOfEnrolment } from "./early-window.ts";
import {
  BASE_PSYCHOSOCIAL,
  type DefinitionParts,
  enrolmentRowToEnrolment,
  enrolmentsWithCodes,
  interventionRowToIntervention,
  patientRowToPatient,
  planRowToPlan,
  planRowToState,
  programmeParameters,
  psychosocialTypes,
} from "./repository.ts";
import type { GROUP_KINDS, PlanState, Timeline, TimelineEvent } from "./schemas.ts";

type Event = z.infer<typeof TimelineEvent>;

/** Within one day: enrolment first, then assessments, care, plans, and an end last. */
const KIND_ORDER: Record<Event["kind"], number> = {
  enrolment: 0,
  assessment: 1,
  intervention: 2,
  group_session: 2,
  plan_version: 3,
  enrolment_end: 4,
};

interface InterventionWithGroup extends Selectable<InterventionTable> {
  group_code: string | null;
  group_name: string | null;
  group_kind: string | null;
}

/**
 * A patient's interventions with their group, in date order. The rows travel as one JSON
 * document (row_to_json is cheap; hundreds of rows parsed one by one are not — on PGlite that
 * was most of the page's time), their few groups in a second query.
 */
async function interventionsOf(db: Db, patientId: number): Promise<InterventionWithGroup[]> {
  const [rows, groups] = await Promise.all([
    sql<{ rows: string }>`
      select coalesce(json_agg(i order by i.date, i.id), '[]')::text as rows
      from interventions i where i.patient_id = ${patientId}`.execute(db),
    db
      .selectFrom("groups as g")
      .select(["g.id", "g.code", "g.name", "g.kind"])
      .where("g.id", "in", (eb) =>
        eb
          .selectFrom("interventions as i")
          .select("i.group_id")
          .where("i.patient_id", "=", patientId)
          .where("i.group_id", "is not", null),
      )
      .execute(),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return (JSON.parse(rows.rows[0]?.rows ?? "[]") as Array<Selectable<InterventionTable>>).map((i) => {
    const g = i.group_id === null ? undefined : byId.get(i.group_id);
    return { ...i, group_code: g?.code ?? null, group_name: g?.name ?? null, group_kind: g?.kind ?? null };
  });
}

/** The local calendar day of a timestamp (the day a plan version was saved). */
const dayOf = (at: Date) => today(new Date(at));

/**
 * The patient page: the patient, each enrolment with its early-window counts and plans (as of
 * today, by the INDICATORS.md definitions), the patient's plans, and one chronological list of
 * everything recorded. Six set-based queries whatever the length of the record; audited.
 */
export async function patientTimeline(db: Db, p: Principal, actor: Actor, id: number): Promise<Timeline> {
  const patient = await loadPatientOf(db, p, id);
  const asOf = today();
  const enrolmentsQuery = enrolmentsWithCodes(db)
    .innerJoin("practice_versions as v", (j) =>
      j.onRef("v.practice_id", "=", "pr.practice_id").onRef("v.version", "=", "pr.practice_version"),
    )
    .selectAll("e")
    .select(["pr.name as programme_name", "pr.parameters", "v.definition"])
    .where("e.patient_id", "=", id)
    .orderBy("e.enrolment_date")
    .orderBy("e.id")
    .execute();
  // The read is audited as soon as the site it happens at is known, alongside the other queries.
  const audited = enrolmentsQuery.then((rows) =>
    audit(db, actor, {
      action: "read",
      entity: "timeline",
      entityId: id,
      siteId: patient.registered_site_id ?? rows[0]?.site_id ?? null,
      detail: { patientId: id },
    }),
  );
  const [enrolments, interventions, assessments, plans, history] = await Promise.all([
    enrolmentsQuery,
    interventionsOf(db, id),
    db
      .selectFrom("assessments")
      .selectAll()
      .where("patient_id", "=", id)
      .orderBy("date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("treatment_plans")
      .selectAll()
      .where("patient_id", "=", id)
      .orderBy("created_date")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("treatment_plan_history as h")
      .innerJoin("treatment_plans as t", "t.id", "h.plan_id")
      .select(["h.plan_id", "h.version", "h.changed_at", "h.changed_by", "h.state", "t.code"])
      .where("t.patient_id", "=", id)
      .orderBy("h.plan_id")
      .orderBy("h.version")
      .execute(),
    audited,
  ]);

  const psychosocialAny = new Set(BASE_PSYCHOSOCIAL);
  const planRecords = plans.map((t) => ({
    id: t.id,
    code: t.code,
    createdDate: t.created_date,
    signedByPatient: t.signed_by_patient,
  }));
  const enrolmentsOut = enrolments.map((e) => {
    const parameters = programmeParameters(e.parameters);
    const psychosocial = psychosocialTypes(e.definition as DefinitionParts);
    for (const t of psychosocial) psychosocialAny.add(t);
    return {
      ...enrolmentRowToEnrolment(e),
      programmeCode: e.programme_code,
      programmeName: e.programme_name,
      siteCode: e.site_code,
      carePeriodEnd: carePeriodEnd({ enrolmentDate: e.enrolment_date, endDate: e.end_date }, asOf),
      early: earlyWindow(
        { enrolmentDate: e.enrolment_date, endDate: e.end_date },
        { ...parameters, psychosocial },
        asOf,
        interventions,
      ),
      plans: plansOfEnrolment({ enrolmentDate: e.enrolment_date, endDate: e.end_date }, asOf, planRecords),
    };
  });

  const events: Event[] = [];
  for (const e of enrolments) {
    events.push({
      kind: "enrolment",
      date: e.enrolment_date,
      enrolmentId: e.id,
      programmeCode: e.programme_code,
      siteId: e.site_id,
    });
    if (e.end_date && e.end_reason)
      events.push({
        kind: "enrolment_end",
        date: e.end_date,
        enrolmentId: e.id,
        programmeCode: e.programme_code,
        endReason: e.end_reason as Extract<Event, { kind: "enrolment_end" }>["endReason"],
      });
  }
  for (const i of interventions) {
    const intervention = interventionRowToIntervention(i);
    const psychosocial = psychosocialAny.has(i.type);
    if (i.group_id !== null && i.group_code !== null)
      events.push({
        kind: "group_session",
        date: i.date,
        intervention,
        psychosocial,
        group: {
          id: i.group_id,
          code: i.group_code,
          name: i.group_name ?? "",
          kind: i.group_kind as (typeof GROUP_KINDS)[number],
        },
      });
    else events.push({ kind: "intervention", date: i.date, intervention, psychosocial });
  }
  for (const a of assessments)
    events.push({
      kind: "assessment",
      date: a.date,
      assessmentId: a.id,
      instrument: a.instrument,
      respondent: a.respondent,
      timepoint: a.timepoint,
      totalScore: a.total_score === null ? null : Number(a.total_score),
    });
  const withHistory = new Set(history.map((h) => h.plan_id));
  const createdOf = new Map(plans.map((t) => [t.id, t.created_date]));
  for (const h of history) {
    const state = h.state as z.infer<typeof PlanState>;
    events.push({
      kind: "plan_version",
      date: h.version === 1 ? (createdOf.get(h.plan_id) ?? state.createdDate) : dayOf(h.changed_at),
      planId: h.plan_id,
      planCode: h.code,
      version: h.version,
      changedBy: h.changed_by,
      state,
    });
  }
  for (const t of plans)
    if (!withHistory.has(t.id))
      events.push({
        kind: "plan_version",
        date: t.created_date,
        planId: t.id,
        planCode: t.code,
        version: t.version,
        changedBy: null,
        state: planRowToState(t),
      });
  events.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );

  return {
    asOf,
    patient: patientRowToPatient(patient),
    enrolments: enrolmentsOut,
    plans: plans.map(planRowToPlan),
    events,
  };
}
