import { canonical, type FactColumns } from "../compile.ts";
import type { Condition, IndicatorDefinition, RecordSet, Window } from "../definition.ts";

/**
 * Which record sets the per-enrolment facts (indicator_enrolment_facts, migration 0008) count:
 * exactly those of the built-in catalogue, taken from the built-in definitions themselves so the
 * two can never drift apart. A user-defined indicator whose record sets are all among them is
 * computed "live from facts"; any other is recomputed from the records.
 */
const BY_INDICATOR: Array<[indicator: string, column: string]> = [
  ["intensive_start", "early_psy"],
  ["early_assessment", "early_assessment"],
  ["early_psychoeducation", "early_psychoeducation"],
  ["early_skills_training", "early_skills_training"],
  ["early_psychotherapy", "early_psychotherapy"],
  ["early_family_intervention", "early_family_intervention"],
  ["early_job_placement", "early_job_placement"],
  ["early_social_support", "early_social_support"],
  ["structured_assessment", "assessed"],
  ["family_involved", "care_family"],
  ["treatment_plan", "plans"],
  ["interventions", "care_iv"],
  ["psychosocial_interventions", "care_psy"],
];

function recordSetOf(d: IndicatorDefinition): RecordSet {
  const c = d.compute;
  if (c.source !== "enrolments") throw new Error(`${d.id}: not an enrolment indicator`);
  if (c.measure) return c.measure;
  const n = c.numerator as Condition | undefined;
  if (n?.type === "records") return n.records;
  throw new Error(`${d.id}: no record set`);
}

function latestPlanWindowOf(d: IndicatorDefinition): Window {
  const c = d.compute;
  if (c.source === "enrolments" && c.numerator?.type === "latest_plan") return c.numerator.window;
  throw new Error(`${d.id}: no latest-plan condition`);
}

export function factColumnsOf(builtIn: readonly IndicatorDefinition[]): FactColumns {
  const byId = new Map(builtIn.map((d) => [d.id, d]));
  const get = (id: string) => {
    const d = byId.get(id);
    if (!d) throw new Error(`no built-in ${id}`);
    return d;
  };
  return {
    records: new Map(BY_INDICATOR.map(([id, column]) => [canonical(recordSetOf(get(id))), column])),
    latestPlans: new Map([[canonical(latestPlanWindowOf(get("plan_signed"))), "plan_keys"]]),
  };
}
