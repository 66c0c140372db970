import type { FieldIssue } from "../../infra/http/errors.ts";
import type { InstrumentDefinition } from "./definition.ts";
import {
  type Answers,
  answerIssues,
  type ScoreResult,
  scoreAnswers,
  scoreTotal,
  totalIssue,
} from "./score.ts";

/**
 * Validate and score what a form sends: item answers (each must be one of its item's answers) or
 * a total (in range); exactly one of them. Returns the issues (each naming its field under
 * `body.`) or the score.
 */
export function scoreInput(
  def: InstrumentDefinition,
  input: { items?: Answers | undefined; totalScore?: number | undefined },
): { issues: FieldIssue[]; result: ScoreResult | null } {
  const issues: FieldIssue[] = [];
  if (input.items !== undefined && input.totalScore !== undefined) {
    issues.push({
      field: "body.totalScore",
      rule: "exclusive",
      message: "send item answers or a total, not both",
    });
    return { issues, result: null };
  }
  if (input.totalScore !== undefined) {
    const problem = totalIssue(def, input.totalScore);
    if (problem)
      issues.push({ field: "body.totalScore", rule: def.total ? "range" : "no_total", message: problem });
    return { issues, result: issues.length ? null : scoreTotal(def, input.totalScore) };
  }
  if (input.items === undefined) {
    issues.push({ field: "body.items", rule: "required", message: "send the item answers or a total score" });
    return { issues, result: null };
  }
  for (const i of answerIssues(def, input.items))
    issues.push({ field: `body.items.${i.item}`, rule: i.rule, message: i.message });
  if (!issues.length && !Object.values(input.items).some((v) => v !== null && v !== undefined))
    issues.push({ field: "body.items", rule: "empty", message: "no item is answered" });
  return { issues, result: issues.length ? null : scoreAnswers(def, input.items) };
}
