import { LOOKBACK_DAYS } from "../../shared/programme-defaults.ts";
import type { IndicatorDefinitionInput } from "./definition.ts";

/**
 * The built-in catalogue of INDICATORS.md, in its order, written in the definition language
 * (definition.ts) — the same form users write. Nothing here is computed: it is data, compiled by
 * compile.ts like any user definition. The windows below are shared values, not code.
 */

/** The care period: from the enrolment date to min(end_date, R). */
const CARE_PERIOD = { fromDay: 0, toDay: null, until: "care_end" } as const;
/** Days 0 … earlyWindowDays − 1, within the care period. */
const EARLY_WINDOW = {
  fromDay: 0,
  toDay: { param: "earlyWindowDays", plus: -1 },
  until: "care_end",
} as const;
/** Plans of an enrolment: created from enrolment_date − 90 days to min(end_date, R). */
const PLANS_OF_ENROLMENT = { fromDay: -LOOKBACK_DAYS, toDay: null, until: "care_end" } as const;
/** Assessment records from enrolment_date − 90 days to the last day of the early window. */
const AROUND_ENROLMENT = {
  fromDay: -LOOKBACK_DAYS,
  toDay: { param: "earlyWindowDays", plus: -1 },
  until: "as_of",
} as const;

/** E: every enrolment of the programme with enrolment_date ≤ R. */
const E = { observedDays: 0 } as const;
/** E90: observed early, enrolment_date ≤ R − earlyWindowDays. */
const E90 = { observedDays: { param: "earlyWindowDays" } } as const;
const WITH_PLAN = {
  observedDays: 0,
  where: { type: "records", records: { from: "plans", window: PLANS_OF_ENROLMENT }, atLeast: 1 },
} as const;

const early = (type: string, label: string): IndicatorDefinitionInput => ({
  id: `early_${type}`,
  label,
  kind: "ratio",
  direction: "higher_is_better",
  description: `Observed-early patients with at least one ${type} intervention in the early window.`,
  compute: {
    source: "enrolments",
    population: E90,
    numerator: {
      type: "records",
      records: { from: "interventions", types: [type], window: EARLY_WINDOW },
      atLeast: 1,
    },
  },
});

const latestPlan = (
  id: string,
  flag:
    | "signed_by_patient"
    | "shared_with_social_services"
    | "shared_with_work_inclusion"
    | "integrated_actions_started",
  label: string,
): IndicatorDefinitionInput => ({
  id,
  label,
  kind: "ratio",
  direction: "higher_is_better",
  description: `Patients with a plan whose latest plan of the enrolment has ${flag} = Y.`,
  compute: {
    source: "enrolments",
    population: WITH_PLAN,
    numerator: { type: "latest_plan", window: PLANS_OF_ENROLMENT, flag, value: true },
  },
});

export const CATALOGUE: IndicatorDefinitionInput[] = [
  {
    id: "enrolled",
    label: "Patients enrolled",
    kind: "count",
    target: { param: "targetEnrolmentPerSite" },
    direction: "higher_is_better",
    description: "Enrolments with enrolment_date ≤ R, ended or not.",
    compute: { source: "enrolments", population: E },
  },
  {
    id: "enrolment_target_met",
    label: "Sites at their enrolment target",
    kind: "count",
    direction: "higher_is_better",
    description: "Sites whose enrolled patients reach the site's target (1 or 0 on a site row).",
    compute: { source: "site_target", population: E },
  },
  {
    id: "age_in_band",
    label: "Age at enrolment within the band",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: {
        type: "range",
        field: "age_at_enrolment",
        min: { param: "ageBand.min" },
        max: { param: "ageBand.max" },
      },
    },
  },
  {
    id: "new_to_service",
    label: "New to services",
    kind: "ratio",
    direction: "higher_is_better",
    description: "First contact with services at most newToServiceDays before enrolment (or after it).",
    compute: {
      source: "enrolments",
      population: { observedDays: 0, where: { type: "present", field: "first_contact_date" } },
      numerator: {
        type: "date",
        field: "first_contact_date",
        op: ">=",
        ref: "enrolment_date",
        offsetDays: { param: "newToServiceDays", times: -1 },
      },
    },
  },
  {
    id: "female",
    label: "Women",
    kind: "ratio",
    compute: {
      source: "enrolments",
      population: { observedDays: 0, where: { type: "in", field: "sex", values: ["F", "M", "X"] } },
      numerator: { type: "in", field: "sex", values: ["F"] },
    },
  },
  {
    id: "target_diagnosis",
    label: "Target diagnosis",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: { type: "prefix", field: "primary_diagnosis", prefixes: { param: "targetDiagnoses" } },
    },
  },
  {
    id: "interventions",
    label: "Interventions",
    kind: "count",
    direction: "higher_is_better",
    description: "Interventions of enrolled patients dated within their care period.",
    compute: { source: "enrolments", population: E, measure: { from: "interventions", window: CARE_PERIOD } },
  },
  {
    id: "psychosocial_interventions",
    label: "Psychosocial interventions",
    kind: "count",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      measure: { from: "interventions", psychosocial: true, window: CARE_PERIOD },
    },
  },
  {
    id: "psychosocial_per_patient",
    label: "Psychosocial interventions per patient (median)",
    kind: "median",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      measure: { from: "interventions", psychosocial: true, window: CARE_PERIOD },
    },
  },
  {
    id: "intensive_start",
    label: "Intensive start",
    kind: "ratio",
    direction: "higher_is_better",
    description:
      "Observed-early patients with ≥ intensiveThreshold psychosocial interventions in the early window.",
    compute: {
      source: "enrolments",
      population: E90,
      numerator: {
        type: "records",
        records: { from: "interventions", psychosocial: true, window: EARLY_WINDOW },
        atLeast: { param: "intensiveThreshold" },
      },
    },
  },
  early("assessment", "Early assessment"),
  early("psychoeducation", "Early psychoeducation"),
  early("skills_training", "Early skills training"),
  early("psychotherapy", "Early psychotherapy"),
  early("family_intervention", "Early family intervention"),
  early("job_placement", "Early job placement"),
  early("social_support", "Early social support"),
  {
    id: "structured_assessment",
    label: "Structured assessment",
    kind: "ratio",
    direction: "higher_is_better",
    description:
      "Observed-early patients with an assessment record from 90 days before to the end of the early window.",
    compute: {
      source: "enrolments",
      population: E90,
      numerator: { type: "records", records: { from: "assessments", window: AROUND_ENROLMENT }, atLeast: 1 },
    },
  },
  {
    id: "family_involved",
    label: "Family involved",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: {
        type: "records",
        records: { from: "interventions", recipients: ["family", "patient_and_family"], window: CARE_PERIOD },
        atLeast: 1,
      },
    },
  },
  {
    id: "case_manager",
    label: "Case manager assigned",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: { type: "present", field: "case_manager_code" },
    },
  },
  {
    id: "treatment_plan",
    label: "Treatment plan",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: { type: "records", records: { from: "plans", window: PLANS_OF_ENROLMENT }, atLeast: 1 },
    },
  },
  latestPlan("plan_signed", "signed_by_patient", "Plan signed by the patient"),
  latestPlan("plan_shared_social", "shared_with_social_services", "Plan shared with social services"),
  latestPlan("plan_shared_work", "shared_with_work_inclusion", "Plan shared with work inclusion"),
  latestPlan("plan_integrated_actions", "integrated_actions_started", "Integrated actions started"),
  {
    id: "dropped_out",
    label: "Dropped out",
    kind: "ratio",
    direction: "lower_is_better",
    compute: {
      source: "enrolments",
      population: E,
      numerator: {
        type: "all",
        of: [
          { type: "in", field: "end_reason", values: ["dropped_out"] },
          { type: "date", field: "end_date", op: "<=", ref: "as_of" },
        ],
      },
    },
  },
  {
    id: "dbt_skills_groups",
    label: "DBT skills groups",
    kind: "count",
    direction: "higher_is_better",
    compute: { source: "groups", kinds: ["dbt_skills"] },
  },
  {
    id: "family_connections_groups",
    label: "Family Connections groups",
    kind: "count",
    direction: "higher_is_better",
    compute: { source: "groups", kinds: ["family_connections"] },
  },
  {
    id: "team_size",
    label: "Implementation team",
    kind: "count",
    direction: "higher_is_better",
    compute: { source: "professionals", where: { inImplementationTeam: true } },
  },
  {
    id: "team_trained",
    label: "Team members trained",
    kind: "ratio",
    direction: "higher_is_better",
    compute: {
      source: "professionals_ratio",
      denominator: { inImplementationTeam: true },
      numerator: { trained: true },
    },
  },
  {
    id: "trained_not_in_team",
    label: "Trained, not in the team",
    kind: "count",
    compute: { source: "professionals", where: { trained: true, inImplementationTeam: false } },
  },
];

/** The ids of the catalogue, in order: user definitions may not reuse them. */
export const CATALOGUE_IDS: readonly string[] = CATALOGUE.map((d) => d.id);
