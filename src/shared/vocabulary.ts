/**
 * The domain's closed lists (the values the API accepts and the web app offers), in one place
 * that the server and the web app both import. Pure data: no server code, nothing but constants.
 * The server's zod schemas are built from these lists.
 */

/** Professional profiles (teams). */
export const PROFILES = [
  "psychiatrist",
  "psychologist",
  "nurse",
  "rehabilitation_therapist",
  "educator",
  "social_worker",
  "other",
] as const;

/** Kinds of service of a site (structure). */
export const SERVICE_KINDS = [
  "community_centre",
  "addiction_service",
  "eating_disorder_programme",
  "ward",
  "day_centre",
  "residential",
  "other",
] as const;

/** The phases of a programme. */
export const PHASES = ["pre_implementation", "implementation", "sustainability"] as const;

/** Registry: a patient's recorded sex. */
export const SEXES = ["F", "M", "X", "U"] as const;
/** Registry: how an intervention was delivered, and to whom. */
export const SETTINGS = ["individual", "group"] as const;
export const RECIPIENTS = ["patient", "family", "patient_and_family"] as const;
/** The recipients that count as reaching the family (INDICATORS.md: family involvement). */
export const FAMILY_RECIPIENTS: ReadonlySet<string> = new Set(["family", "patient_and_family"]);
/** Registry: the kinds of group. */
export const GROUP_KINDS = ["dbt_skills", "family_connections", "imr", "psychoeducation", "other"] as const;
/** IMR groups take at most this many members (the IMR manual's group size). */
export const IMR_MAX_SIZE = 8;

/** Measures: who answered, and when in care. */
export const RESPONDENTS = ["patient", "clinician", "family"] as const;
export const TIMEPOINTS = ["baseline", "follow_up", "end", "other"] as const;

/** Indicators: the flags of a treatment plan a definition may ask for. */
export const PLAN_FLAGS = [
  "signed_by_patient",
  "shared_with_social_services",
  "shared_with_work_inclusion",
  "integrated_actions_started",
  "shared_with_patient",
] as const;

/** The base intervention taxonomy (EXCHANGE-FORMAT.md). */
export const BASE_TAXONOMY = [
  { code: "assessment", psychosocial: true },
  { code: "psychoeducation", psychosocial: true },
  { code: "skills_training", psychosocial: true },
  { code: "psychotherapy", psychosocial: true },
  { code: "family_intervention", psychosocial: true },
  { code: "job_placement", psychosocial: true },
  { code: "social_support", psychosocial: true },
  { code: "psychiatric_visit", psychosocial: false },
  { code: "nursing", psychosocial: false },
  { code: "crisis_intervention", psychosocial: false },
  { code: "case_coordination", psychosocial: false },
  { code: "other", psychosocial: false },
] as const;

/** A programme site's implementation status over time (issue 13, part 4). */
export const SITE_STATUSES = ["preparing", "active", "paused", "stopped"] as const;
/** Why a site's status changed (required when it is paused or stopped). */
export const SITE_STATUS_REASONS = [
  "staff_turnover",
  "absence_of_staff",
  "incidents_organisational",
  "funding",
  "other",
] as const;
/** Why an eligible patient declined a practice they were offered (issue 13, part 5). */
export const DECLINE_REASONS = ["not_interested", "practical_barriers", "clinical_reasons", "other"] as const;
