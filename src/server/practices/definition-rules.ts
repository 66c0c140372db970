import type { z } from "zod";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import { BASE_TAXONOMY, type PracticeDefinition } from "./schemas.ts";

const BASE_CODES = new Set<string>(BASE_TAXONOMY.map((t) => t.code));

/**
 * Rules of a practice definition that a field-by-field schema cannot see: codes that must be
 * unique across the definition. Component codes are unique; module codes are unique across the
 * whole practice (interventions name a module by its code alone, e.g. `IMR-3`); the practice's
 * own intervention types neither repeat nor redefine a type of the base taxonomy.
 *
 * Returns every problem, each at its field path under `at` (e.g. `body.definition`); empty when valid.
 *
 * @example
 * definitionIssues({ ...def, interventionTypes: [{ code: "nursing", label: "N", psychosocial: false }] }, "body.definition")
 * // → [{ field: "body.definition.interventionTypes.0.code", rule: "base_taxonomy", message: … }]
 */
export function definitionIssues(def: z.infer<typeof PracticeDefinition>, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const components = new Set<string>();
  const modules = new Set<string>();
  def.components.forEach((c, i) => {
    if (components.has(c.code))
      issues.push({
        field: `${at}.components.${i}.code`,
        rule: "unique",
        message: `component "${c.code}" appears more than once`,
      });
    components.add(c.code);
    c.modules.forEach((m, j) => {
      if (modules.has(m.code))
        issues.push({
          field: `${at}.components.${i}.modules.${j}.code`,
          rule: "unique",
          message: `module "${m.code}" appears more than once in the practice`,
        });
      modules.add(m.code);
    });
  });
  const types = new Set<string>();
  def.interventionTypes.forEach((t, i) => {
    const field = `${at}.interventionTypes.${i}.code`;
    if (BASE_CODES.has(t.code))
      issues.push({
        field,
        rule: "base_taxonomy",
        message: `"${t.code}" is already a type of the base taxonomy; give the practice's own type another code`,
      });
    else if (types.has(t.code))
      issues.push({ field, rule: "unique", message: `intervention type "${t.code}" appears more than once` });
    types.add(t.code);
  });
  return issues;
}

/** Refuse a definition whose codes collide (definitionIssues), naming every offending field (400). */
export function assertDefinitionValid(definition: z.infer<typeof PracticeDefinition>): void {
  const issues = definitionIssues(definition, "body.definition");
  if (issues.length) throw issuesError(issues);
}
