import { Issues } from "../issues.ts";
import type { DefinitionContent } from "./schemas.ts";

/** Question codes unique; choice questions with two or more distinct options, others with none; min ≤ max. */
export function checkDefinition(content: DefinitionContent, base = "body"): void {
  const issues = new Issues();
  const codes = new Set<string>();
  content.questions.forEach((q, i) => {
    const field = `${base}.questions.${i}`;
    if (codes.has(q.code))
      issues.add(`${field}.code`, "unique", `the question code "${q.code}" is used twice`);
    codes.add(q.code);
    const choice = q.type === "single_choice" || q.type === "multi_choice";
    if (choice && q.options.length < 2)
      issues.add(`${field}.options`, "too_small", "a choice question needs at least two options");
    if (!choice && q.options.length)
      issues.add(`${field}.options`, "not_allowed", `a ${q.type} question has no options`);
    const seen = new Set<string>();
    q.options.forEach((o, j) => {
      if (seen.has(o.code))
        issues.add(`${field}.options.${j}.code`, "unique", `the option "${o.code}" is listed twice`);
      seen.add(o.code);
    });
    if (q.type !== "number" && (q.min !== null || q.max !== null))
      issues.add(`${field}.min`, "not_allowed", "only number questions have bounds");
    if (q.min !== null && q.max !== null && q.min > q.max)
      issues.add(`${field}.max`, "too_small", "max must not be below min");
  });
  issues.throwIfAny();
}
