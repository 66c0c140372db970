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
 * The rule a refused total breaks, with what a client needs to say it in its language: the
 * instrument's range, or its decimals (a whole number, or a multiple of 0.1, 0.01…).
 */
function totalRule(def: InstrumentDefinition, total: number): Pick<FieldIssue, "rule" | "params"> {
  if (!def.total) return { rule: "no_total" };
  const { min, max } = def.total.range;
  if (total < min || total > max) return { rule: "range", params: { min, max } };
  const decimals = def.total.decimals;
  return decimals === 0
    ? { rule: "invalid_type", params: { expected: "integer" } }
    : { rule: "not_multiple_of", params: { divisor: Number((10 ** -decimals).toFixed(decimals)) } };
}

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
      issues.push({ field: "body.totalScore", ...totalRule(def, input.totalScore), message: problem });
    return { issues, result: issues.length ? null : scoreTotal(def, input.totalScore) };
  }
  if (input.items === undefined) {
    issues.push({ field: "body.items", rule: "required", message: "send the item answers or a total score" });
    return { issues, result: null };
  }
  for (const i of answerIssues(def, input.items))
    issues.push({
      field: `body.items.${i.item}`,
      rule: i.rule,
      ...(i.values ? { params: { values: i.values } } : {}),
      message: i.message,
    });
  if (!issues.length && !Object.values(input.items).some((v) => v !== null && v !== undefined))
    issues.push({ field: "body.items", rule: "empty", message: "no item is answered" });
  return { issues, result: issues.length ? null : scoreAnswers(def, input.items) };
}
