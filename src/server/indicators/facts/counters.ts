/**
 * The counters of `indicator_site_days` (migration 0008), in column order: how many enrolments of
 * a (programme, site) a condition of the catalogue holds for, as a step function of the reference
 * date. Each row of the table is one day's change; a value as of R is the sum over day ≤ R.
 */
export const COUNTERS = [
  /** E: enrolled (enrolment_date ≤ R). */
  "enrolled",
  "age_in_band",
  /** E with a first-contact date (the new-to-service denominator). */
  "first_contact",
  "new_to_service",
  /** E with sex F, M or X (the female denominator). */
  "sex_known",
  "female",
  "target_dx",
  "case_manager",
  /** E90: observed early (enrolment_date ≤ R − earlyWindowDays). */
  "observed",
  "intensive",
  "early_assessment",
  "early_psychoeducation",
  "early_skills_training",
  "early_psychotherapy",
  "early_family_intervention",
  "early_job_placement",
  "early_social_support",
  /** E90 with an assessment record from day −90 to the last day of the early window. */
  "assessed",
  "family",
  /** E with a plan of the enrolment. */
  "planned",
  "plan_signed",
  "plan_social",
  "plan_work",
  "plan_integrated",
  "dropped",
  /** Interventions of E patients in their care period (each counted on its own date). */
  "interventions",
  "psychosocial",
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

export function addCounters(into: Counters, from: Counters): void {
  for (const c of COUNTERS) into[c] += from[c];
}
