import type { Selectable } from "kysely";
import type { InterventionTable } from "../infra/db/schema.ts";
import { EXTENSIONS, FHIR_BASE, genderOf, questionnaireUrl, SYSTEMS } from "./code-systems.ts";

/**
 * Registry rows as FHIR R4 resources: pure functions, one per resource type (docs/fhir.md has
 * the mapping). Resource ids are the database ids (a Location's is prefixed by what it is), so a
 * reference never needs a lookup; the exchange-format codes travel as identifiers.
 */

export interface Resource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}

/** The period an export covers: both days inclusive. */
export interface Period {
  from: string;
  to: string;
}

const ref = (type: string, id: number | string) => ({ reference: `${type}/${id}` });
const coding = (system: string, code: string, display?: string) => ({
  coding: [display ? { system, code, display } : { system, code }],
});
const ident = (system: string, value: string) => [{ system, value }];
/** Drop the keys whose value is null or undefined (FHIR has no nulls). */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === null || o[k] === undefined) delete o[k];
  return o;
}

export interface SiteRow {
  id: number;
  code: string;
  name: string;
  area_id: number | null;
}

export function organization(s: SiteRow): Resource {
  return {
    resourceType: "Organization",
    id: String(s.id),
    identifier: ident(SYSTEMS.site, s.code),
    active: true,
    type: [coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")],
    name: s.name,
  };
}

export interface LocationRow {
  kind: "area" | "site";
  id: number;
  code: string;
  name: string;
  area_id: number | null;
}

/** Areas and sites as Locations: `area-<id>` (physical type area), `site-<id>` part of its area. */
export function location(l: LocationRow): Resource {
  const physical = l.kind === "area" ? ["area", "Area"] : ["si", "Site"];
  return compact({
    resourceType: "Location",
    id: `${l.kind}-${l.id}`,
    identifier: ident(l.kind === "area" ? SYSTEMS.area : SYSTEMS.site, l.code),
    status: "active",
    name: l.name,
    mode: "instance",
    physicalType: coding(
      "http://terminology.hl7.org/CodeSystem/location-physical-type",
      physical[0]!,
      physical[1],
    ),
    managingOrganization: l.kind === "site" ? ref("Organization", l.id) : undefined,
    partOf: l.kind === "site" && l.area_id !== null ? ref("Location", `area-${l.area_id}`) : undefined,
  });
}

export interface PatientRow {
  id: number;
  code: string;
  birth_year: number;
  sex: string;
}

/** A patient: the pseudonymous code, the birth year (year precision) and gender. Never a name. */
export function patient(p: PatientRow): Resource {
  return {
    resourceType: "Patient",
    id: String(p.id),
    identifier: [{ use: "secondary", system: SYSTEMS.patient, value: p.code }],
    gender: genderOf(p.sex),
    birthDate: String(p.birth_year).padStart(4, "0"),
  };
}

export interface EnrolmentRow {
  id: number;
  code: string;
  patient_id: number;
  site_id: number;
  programme: string;
  programme_name: string;
  enrolment_date: string;
  end_date: string | null;
  end_reason: string | null;
}

/**
 * An enrolment as an EpisodeOfCare of the programme, managed by its site. It is finished when it
 * ended on or before the period's last day, active otherwise (as seen at the end of the period).
 */
export function episodeOfCare(e: EnrolmentRow, period: Period): Resource {
  const finished = e.end_date !== null && e.end_date <= period.to;
  return compact({
    resourceType: "EpisodeOfCare",
    id: String(e.id),
    identifier: ident(SYSTEMS.enrolment, e.code),
    status: finished ? "finished" : "active",
    type: [coding(SYSTEMS.programme, e.programme, e.programme_name)],
    patient: ref("Patient", e.patient_id),
    managingOrganization: ref("Organization", e.site_id),
    period: compact({ start: e.enrolment_date, end: e.end_date ?? undefined }),
    extension: e.end_reason
      ? [
          {
            url: `${FHIR_BASE}/StructureDefinition/end-reason`,
            valueCoding: { system: SYSTEMS.endReason, code: e.end_reason },
          },
        ]
      : undefined,
  });
}

export interface GroupRow {
  id: number;
  code: string;
  kind: string;
  name: string;
  site_id: number;
  start_date: string;
  end_date: string | null;
  members: Array<{ patient: number; joined: string; left: string | null }>;
}

/** A group of patients (type person, actual), managed by its site, with its members' periods. */
export function group(g: GroupRow): Resource {
  return compact({
    resourceType: "Group",
    id: String(g.id),
    identifier: ident(SYSTEMS.group, g.code),
    active: true,
    type: "person",
    actual: true,
    code: coding(SYSTEMS.groupKind, g.kind),
    name: g.name || undefined,
    quantity: g.members.length,
    managingEntity: ref("Organization", g.site_id),
    member: g.members.length
      ? g.members.map((m) => ({
          entity: ref("Patient", m.patient),
          period: compact({ start: m.joined, end: m.left ?? undefined }),
          inactive: m.left !== null,
        }))
      : undefined,
  });
}

export type InterventionRow = Pick<
  Selectable<InterventionTable>,
  "id" | "code" | "patient_id" | "site_id" | "date" | "type" | "setting" | "recipient" | "duration_min"
>;

/**
 * An intervention as a completed Procedure on the patient, coded with Praxis's intervention-type
 * CodeSystem, at its site's Location. Who received it (patient, family, both) and how (individual,
 * group) are Praxis extensions; the duration, when recorded, is the performed period's length.
 */
export function procedure(i: InterventionRow): Resource {
  return {
    resourceType: "Procedure",
    id: String(i.id),
    identifier: ident(SYSTEMS.intervention, i.code),
    extension: [
      { url: EXTENSIONS.recipient, valueCoding: { system: SYSTEMS.recipient, code: i.recipient } },
      { url: EXTENSIONS.setting, valueCoding: { system: SYSTEMS.setting, code: i.setting } },
    ],
    status: "completed",
    code: coding(SYSTEMS.interventionType, i.type),
    subject: ref("Patient", i.patient_id),
    performedDateTime: i.date,
    location: ref("Location", `site-${i.site_id}`),
    ...(i.duration_min !== null ? { note: [{ text: `duration: ${i.duration_min} min` }] } : {}),
  };
}

export interface PlanRow {
  id: number;
  code: string;
  patient_id: number;
  site_id: number;
  created_date: string;
  shared_with_patient_date: string | null;
  signed_by_patient: boolean;
  shared_with_social_services: boolean;
  shared_with_work_inclusion: boolean;
  integrated_actions_started: boolean;
  latest: boolean;
  /** The plan's content (migration 0019): goals, actions with the name of who does them, review date. */
  goals: Array<{ text: string }>;
  actions: Array<{
    text: string;
    goal: number;
    who: { kind: "professional" | "service" | "person" | "family" };
    dueDate: string | null;
    status: "planned" | "in_progress" | "done" | "stopped";
    performer: string | null;
  }>;
  review_date: string | null;
}

const ACTIVITY_STATUS = {
  planned: "not-started",
  in_progress: "in-progress",
  done: "completed",
  stopped: "stopped",
} as const;

/** Who carries out an action: the patient by reference, anyone else by name (no resource of theirs is exported). */
function performer(a: PlanRow["actions"][number], patientId: number) {
  if (a.who.kind === "person") return [ref("Patient", patientId)];
  if (a.who.kind === "family") return [{ display: "family or carers" }];
  return a.performer ? [{ display: a.performer }] : undefined;
}

const PLAN_FLAGS = [
  "signed_by_patient",
  "shared_with_social_services",
  "shared_with_work_inclusion",
  "integrated_actions_started",
] as const;

/**
 * A treatment plan as a CarePlan (intent plan) for the patient, authored by its site. The
 * patient's latest plan is active, earlier ones completed (replaced). Its flags are extensions.
 */
export function carePlan(t: PlanRow): Resource {
  return compact({
    resourceType: "CarePlan",
    id: String(t.id),
    identifier: ident(SYSTEMS.plan, t.code),
    extension: [
      ...PLAN_FLAGS.map((flag) => ({
        url: EXTENSIONS.planFlag,
        extension: [
          { url: "flag", valueCode: flag },
          { url: "value", valueBoolean: Boolean(t[flag]) },
        ],
      })),
      ...(t.shared_with_patient_date
        ? [{ url: EXTENSIONS.sharedWithPatient, valueDate: t.shared_with_patient_date }]
        : []),
      ...(t.review_date ? [{ url: EXTENSIONS.planReview, valueDate: t.review_date }] : []),
    ],
    // the goals as contained Goal resources, referenced by the plan and by each activity
    contained: t.goals.length
      ? t.goals.map((g, i) => ({
          resourceType: "Goal",
          id: `goal-${i + 1}`,
          lifecycleStatus: t.latest ? "active" : "completed",
          description: { text: g.text },
          subject: ref("Patient", t.patient_id),
        }))
      : undefined,
    status: t.latest ? "active" : "completed",
    intent: "plan",
    subject: ref("Patient", t.patient_id),
    created: t.created_date,
    author: ref("Organization", t.site_id),
    goal: t.goals.length ? t.goals.map((_, i) => ({ reference: `#goal-${i + 1}` })) : undefined,
    activity: t.actions.length
      ? t.actions.map((a) => ({
          detail: compact({
            status: ACTIVITY_STATUS[a.status],
            description: a.text,
            goal: [{ reference: `#goal-${a.goal + 1}` }],
            scheduledPeriod: a.dueDate ? { end: a.dueDate } : undefined,
            performer: performer(a, t.patient_id),
          }),
        }))
      : undefined,
  });
}

export interface AssessmentRow {
  id: number;
  code: string;
  patient_id: number;
  date: string;
  instrument: string;
  respondent: string;
  timepoint: string | null;
  total_score: string | null;
}

/**
 * An assessment as a completed QuestionnaireResponse to the instrument's Questionnaire (a
 * canonical URL: instruments are licensed and not exported), with the timepoint and the total
 * score as items; the patient is the source when they answered.
 */
export function questionnaireResponse(a: AssessmentRow): Resource {
  const item: unknown[] = [];
  if (a.timepoint)
    item.push({
      linkId: "timepoint",
      answer: [{ valueCoding: { system: SYSTEMS.timepoint, code: a.timepoint } }],
    });
  item.push({
    linkId: "respondent",
    answer: [{ valueCoding: { system: SYSTEMS.respondent, code: a.respondent } }],
  });
  if (a.total_score !== null)
    item.push({ linkId: "total_score", answer: [{ valueDecimal: Number(a.total_score) }] });
  return compact({
    resourceType: "QuestionnaireResponse",
    id: String(a.id),
    identifier: { system: SYSTEMS.assessment, value: a.code },
    questionnaire: questionnaireUrl(a.instrument),
    status: "completed",
    subject: ref("Patient", a.patient_id),
    authored: a.date,
    source: a.respondent === "patient" ? ref("Patient", a.patient_id) : undefined,
    item,
  });
}

/** An assessment's total score as a survey Observation, derived from its QuestionnaireResponse. */
export function scoreObservation(a: AssessmentRow & { total_score: string }): Resource {
  return {
    resourceType: "Observation",
    id: String(a.id),
    identifier: ident(SYSTEMS.assessment, a.code),
    status: "final",
    category: [coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
    code: coding(SYSTEMS.instrument, a.instrument),
    subject: ref("Patient", a.patient_id),
    effectiveDateTime: a.date,
    valueQuantity: { value: Number(a.total_score), unit: "score" },
    derivedFrom: [ref("QuestionnaireResponse", a.id)],
  };
}
