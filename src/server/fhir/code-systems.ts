import { BASE_TAXONOMY, type SEXES } from "../../shared/vocabulary.ts";

/**
 * Praxis's own FHIR identifiers and code systems (docs/fhir.md). The base is a canonical URL
 * Praxis defines: nothing needs to be served there, it only names the systems so that a receiver
 * can tell Praxis's codes from anyone else's.
 */
export const FHIR_BASE = "https://praxis-mh.org/fhir";

export const SYSTEMS = {
  /** Identifiers: the codes of the exchange format (pseudonymous for patients). */
  patient: `${FHIR_BASE}/NamingSystem/patient-code`,
  enrolment: `${FHIR_BASE}/NamingSystem/enrolment-code`,
  site: `${FHIR_BASE}/NamingSystem/site-code`,
  area: `${FHIR_BASE}/NamingSystem/area-code`,
  group: `${FHIR_BASE}/NamingSystem/group-code`,
  intervention: `${FHIR_BASE}/NamingSystem/intervention-code`,
  plan: `${FHIR_BASE}/NamingSystem/plan-code`,
  assessment: `${FHIR_BASE}/NamingSystem/assessment-code`,
  /** Code systems. */
  interventionType: `${FHIR_BASE}/CodeSystem/intervention-type`,
  setting: `${FHIR_BASE}/CodeSystem/intervention-setting`,
  recipient: `${FHIR_BASE}/CodeSystem/intervention-recipient`,
  groupKind: `${FHIR_BASE}/CodeSystem/group-kind`,
  programme: `${FHIR_BASE}/CodeSystem/programme`,
  instrument: `${FHIR_BASE}/CodeSystem/instrument`,
  timepoint: `${FHIR_BASE}/CodeSystem/timepoint`,
  respondent: `${FHIR_BASE}/CodeSystem/respondent`,
  endReason: `${FHIR_BASE}/CodeSystem/end-reason`,
  stratifier: `${FHIR_BASE}/CodeSystem/stratifier`,
} as const;

/** Extensions Praxis defines (the value's meaning is in docs/fhir.md). */
export const EXTENSIONS = {
  recipient: `${FHIR_BASE}/StructureDefinition/intervention-recipient`,
  setting: `${FHIR_BASE}/StructureDefinition/intervention-setting`,
  planFlag: `${FHIR_BASE}/StructureDefinition/plan-flag`,
  sharedWithPatient: `${FHIR_BASE}/StructureDefinition/plan-shared-with-patient`,
  planReview: `${FHIR_BASE}/StructureDefinition/plan-review-date`,
} as const;

/** Canonical URL of an indicator's Measure. */
export const measureUrl = (indicatorId: string) => `${FHIR_BASE}/Measure/${encodeURIComponent(indicatorId)}`;

/** Canonical URL of an instrument's Questionnaire (not part of the export: instruments are licensed). */
export const questionnaireUrl = (instrument: string) =>
  `${FHIR_BASE}/Questionnaire/${encodeURIComponent(instrument)}`;

export type Sex = (typeof SEXES)[number];
export type AdministrativeGender = "female" | "male" | "other" | "unknown";

/**
 * The registry's sex (F, M, X, U) as FHIR's administrative gender: F → female, M → male,
 * X (neither / another) → other, U (not known) → unknown. A value outside the list (never
 * stored: the registry refuses it) is unknown rather than a guess.
 */
export function genderOf(sex: string): AdministrativeGender {
  switch (sex) {
    case "F":
      return "female";
    case "M":
      return "male";
    case "X":
      return "other";
    default:
      return "unknown";
  }
}

/** The intervention-type CodeSystem's concepts: the base taxonomy, then a practice's own types. */
export function interventionTypeConcepts(
  practiceTypes: ReadonlyArray<{ code: string; label: string }>,
): Array<{ code: string; display: string }> {
  const out = new Map<string, string>();
  for (const t of BASE_TAXONOMY) out.set(t.code, t.code.replaceAll("_", " "));
  for (const t of practiceTypes) out.set(t.code, t.label);
  return [...out].map(([code, display]) => ({ code, display }));
}

/**
 * The intervention-type CodeSystem as a resource: every type the registry may hold (the base
 * taxonomy and the types of every practice version), so every Procedure.code of an export is
 * one of its concepts.
 */
export function interventionTypeCodeSystem(practiceTypes: ReadonlyArray<{ code: string; label: string }>): {
  resourceType: "CodeSystem";
  id: string;
  [field: string]: unknown;
} {
  const concept = interventionTypeConcepts(practiceTypes);
  return {
    resourceType: "CodeSystem",
    id: "intervention-type",
    url: SYSTEMS.interventionType,
    name: "PraxisInterventionType",
    title: "Praxis intervention types",
    status: "active",
    description:
      "The intervention types of the Praxis registry: the base taxonomy of the exchange format and the types practices add.",
    caseSensitive: true,
    content: "complete",
    count: concept.length,
    concept,
  };
}

/** A FHIR resource id (`[A-Za-z0-9\-.]{1,64}`) from an indicator id, which may hold `_`. */
export const fhirId = (code: string) => code.replace(/[^A-Za-z0-9.-]/g, "-").slice(0, 64);
