import {
  type GroupingId,
  NEEDS_GROUPING,
  type OutcomeId,
  outcomeKind,
  SAME_VARIABLE,
  SCORE_OUTCOMES,
  TESTS_FOR,
  type TestId,
} from "../../shared/analysis-variables.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { findInstrument } from "../measures/public.ts";

export interface AnalysisRequest {
  outcome: OutcomeId;
  instrument?: string | undefined;
  grouping: GroupingId;
  test: TestId;
}

/**
 * The combinations an analysis refuses before reading anything (400, each issue naming its field
 * and rule): a test the outcome's kind cannot take (a t-test of a categorical outcome), a group
 * comparison without a grouping, a grouping that is the outcome itself, and a score outcome
 * without an instrument with a total (or an instrument given where none is read). Pure.
 */
export function requestIssues(r: AnalysisRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const kind = outcomeKind(r.outcome);
  const allowed = TESTS_FOR[kind];
  if (!allowed.includes(r.test))
    issues.push({
      field: "querystring.test",
      rule: "test_not_for_outcome",
      params: { kind, values: [...allowed] },
      message: `${r.test} cannot analyse a ${kind} outcome (${r.outcome}): use one of ${allowed.join(", ")}`,
    });
  else if (NEEDS_GROUPING.includes(r.test) && r.grouping === "none")
    issues.push({
      field: "querystring.grouping",
      rule: "grouping_required",
      message: `${r.test} compares groups: choose a grouping`,
    });
  if (SAME_VARIABLE[r.grouping] === r.outcome)
    issues.push({
      field: "querystring.grouping",
      rule: "same_as_outcome",
      message: `${r.outcome} cannot be grouped by itself`,
    });
  if (SCORE_OUTCOMES.includes(r.outcome)) {
    if (!r.instrument)
      issues.push({
        field: "querystring.instrument",
        rule: "required",
        message: `${r.outcome} needs an instrument`,
      });
    else {
      const def = findInstrument(r.instrument);
      if (!def)
        issues.push({
          field: "querystring.instrument",
          rule: "unknown_instrument",
          message: `"${r.instrument}" is not an instrument of the library`,
        });
      else if (!def.total)
        issues.push({
          field: "querystring.instrument",
          rule: "no_total",
          message: `${def.code} has no total score`,
        });
    }
  } else if (r.instrument !== undefined)
    issues.push({
      field: "querystring.instrument",
      rule: "not_allowed",
      message: `${r.outcome} is not read from an instrument: leave the instrument out`,
    });
  return issues;
}
