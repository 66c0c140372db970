/**
 * Care-date rules for the registry. "Today" is the region's calendar day (PRAXIS_TIME_ZONE, the one
 * helper in infra/time/civil-date.ts, with the civil-date arithmetic), so a clinician recording late
 * in the evening is not told that today is in the future, whatever zone the server's clock runs in.
 */
import type { FieldIssue } from "../infra/http/errors.ts";
import { invalid } from "../infra/http/errors.ts";
import { today, yearOf } from "../infra/time/civil-date.ts";

/**
 * The problems of a care date (an intervention, an enrolment, a plan): not after today, and not
 * before the year the patient was born. Empty when the date is fine.
 */
export function careDateIssues(field: string, date: string, birthYear: number, now = today()): FieldIssue[] {
  if (date > now) return [{ field, rule: "future", message: `${date} is in the future (today is ${now})` }];
  if (yearOf(date) < birthYear)
    return [
      {
        field,
        rule: "before_birth",
        message: `${date} is before the patient's birth year ${birthYear}`,
      },
    ];
  return [];
}

/** Throw the first problem of a care date, if any. */
export function assertCareDate(field: string, date: string, birthYear: number): void {
  const [issue] = careDateIssues(field, date, birthYear);
  if (issue) throw invalid(issue.field, issue.rule, issue.message);
}
