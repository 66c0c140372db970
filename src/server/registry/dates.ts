import type { FieldIssue } from "../infra/http/errors.ts";
import { invalid } from "../infra/http/errors.ts";

/**
 * Civil-date arithmetic for the registry (INDICATORS.md: whole days, no time zone). "Today" is the
 * region's calendar day (PRAXIS_TIME_ZONE, the one helper in infra/time/civil-date.ts), so a
 * clinician recording late in the evening is not told that today is in the future, whatever zone
 * the server's clock runs in.
 */
import { today } from "../infra/time/civil-date.ts";

export { today };

const DAY = 86_400_000;

/** `date` plus `days` (negative allowed), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const yearOf = (date: string) => Number(date.slice(0, 4));

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
