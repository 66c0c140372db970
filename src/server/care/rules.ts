import type { FieldIssue } from "../infra/http/errors.ts";

/**
 * Pure checks of consent and plans (no database): dates against one another and today, and the
 * goal each action of a care plan serves. Each issue names the field and the rule
 * (src/shared/validation-messages.ts says it in English and Italian).
 */

/** A date that may not be after today. */
export function notFuture(field: string, date: string, today: string): FieldIssue[] {
  return date > today
    ? [{ field, rule: "future", message: `${date} is in the future (today is ${today})` }]
    : [];
}

/** A withdrawal: not in the future, not before the consent was given. */
export function withdrawalIssues(withdrawnDate: string, givenDate: string, today: string): FieldIssue[] {
  const future = notFuture("body.withdrawnDate", withdrawnDate, today);
  if (future.length) return future;
  if (withdrawnDate < givenDate)
    return [
      {
        field: "body.withdrawnDate",
        rule: "before_consent",
        message: `must be on or after the date consent was given (${givenDate})`,
      },
    ];
  return [];
}

/** A date of a plan (review, due) that may not be before the plan's own date. */
export function notBeforePlan(field: string, date: string | null, planDate: string): FieldIssue[] {
  if (date === null || date >= planDate) return [];
  return [
    {
      field,
      rule: "before_plan_date",
      message: `must be on or after the plan's date (${planDate})`,
    },
  ];
}

/**
 * A care plan's content: every action serves one of its goals (so a plan with actions has at
 * least one goal); the review date and each due date are not before the plan's date.
 */
export function carePlanIssues(
  body: {
    goals: unknown[];
    actions: Array<{ goal: number; dueDate: string | null }>;
    reviewDate: string | null;
  },
  planDate: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [...notBeforePlan("body.reviewDate", body.reviewDate, planDate)];
  body.actions.forEach((a, i) => {
    if (a.goal >= body.goals.length)
      issues.push({
        field: `body.actions.${i}.goal`,
        rule: "unknown_goal",
        message:
          body.goals.length === 0
            ? "an action needs a goal of the plan: add a goal first"
            : `is not a goal of this plan (there are ${body.goals.length})`,
      });
    issues.push(...notBeforePlan(`body.actions.${i}.dueDate`, a.dueDate, planDate));
  });
  return issues;
}
