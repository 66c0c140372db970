import type { Cell } from "../compile.ts";
import type { Counter, Counters } from "./counters.ts";

/**
 * How each built-in indicator of INDICATORS.md reads from the maintained facts: a ratio of two
 * counters, a count, the median of the psychosocial histogram, the sites at their target, or —
 * for groups and professionals, small tables with no dates per patient — the compiled query.
 * The facts are an optimisation, never a second definition: tests/indicators/facts-*.test.ts
 * compare this reading with the compiled definitions (catalogue.ts) on random registries.
 */
export type FactReading =
  | { from: "ratio"; numerator: Counter; denominator: Counter }
  | { from: "count"; value: Counter; size: Counter }
  | { from: "median" }
  | { from: "site_target" }
  | { from: "compiled" };

const ratio = (numerator: Counter, denominator: Counter): FactReading => ({
  from: "ratio",
  numerator,
  denominator,
});
const count = (value: Counter): FactReading => ({ from: "count", value, size: "enrolled" });

export const FACT_READINGS: Readonly<Record<string, FactReading>> = {
  enrolled: count("enrolled"),
  enrolment_target_met: { from: "site_target" },
  age_in_band: ratio("age_in_band", "enrolled"),
  new_to_service: ratio("new_to_service", "first_contact"),
  female: ratio("female", "sex_known"),
  target_diagnosis: ratio("target_dx", "enrolled"),
  interventions: count("interventions"),
  psychosocial_interventions: count("psychosocial"),
  psychosocial_per_patient: { from: "median" },
  intensive_start: ratio("intensive", "observed"),
  early_assessment: ratio("early_assessment", "observed"),
  early_psychoeducation: ratio("early_psychoeducation", "observed"),
  early_skills_training: ratio("early_skills_training", "observed"),
  early_psychotherapy: ratio("early_psychotherapy", "observed"),
  early_family_intervention: ratio("early_family_intervention", "observed"),
  early_job_placement: ratio("early_job_placement", "observed"),
  early_social_support: ratio("early_social_support", "observed"),
  structured_assessment: ratio("assessed", "observed"),
  family_involved: ratio("family", "enrolled"),
  case_manager: ratio("case_manager", "enrolled"),
  treatment_plan: ratio("planned", "enrolled"),
  plan_signed: ratio("plan_signed", "planned"),
  plan_shared_social: ratio("plan_social", "planned"),
  plan_shared_work: ratio("plan_work", "planned"),
  plan_integrated_actions: ratio("plan_integrated", "planned"),
  dropped_out: ratio("dropped", "enrolled"),
  dbt_skills_groups: { from: "compiled" },
  family_connections_groups: { from: "compiled" },
  team_size: { from: "compiled" },
  team_trained: { from: "compiled" },
  trained_not_in_team: { from: "compiled" },
};

/** A cell from counters (ratio and count readings only). */
export function cellFromCounters(reading: FactReading, c: Counters): Cell {
  if (reading.from === "ratio") {
    const n = c[reading.numerator];
    const d = c[reading.denominator];
    return { numerator: n, denominator: d, value: d === 0 ? null : n / d, size: d };
  }
  if (reading.from === "count") {
    const v = c[reading.value];
    return { numerator: v, denominator: null, value: v, size: c[reading.size] };
  }
  throw new Error(`no counter reading for ${reading.from}`);
}

/** value → number of enrolments with it. */
export type Histogram = Map<number, number>;

export function mergeHistogram(into: Histogram, from: Histogram): void {
  for (const [v, n] of from) into.set(v, (into.get(v) ?? 0) + n);
}

/**
 * The median of a histogram, as percentile_cont(0.5) gives it: the middle value, or the mean of
 * the two middle values for an even count; null when empty. Entries with no enrolments are ignored.
 */
export function histogramMedian(h: Histogram): number | null {
  const entries = [...h].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (k: number): number => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (k < seen) return v;
    }
    return entries[entries.length - 1]![0];
  };
  if (total % 2 === 1) return at((total - 1) / 2);
  return (at(total / 2 - 1) + at(total / 2)) / 2;
}

export const histogramSize = (h: Histogram): number =>
  [...h.values()].reduce((s, n) => s + Math.max(n, 0), 0);
