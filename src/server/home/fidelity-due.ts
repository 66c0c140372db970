import { addDays, addMonths, monthEnd } from "../infra/time/civil-date.ts";

/**
 * Fidelity is monitored at least every 6 months (the GOI scale's top rating, "monitored at least
 * every 6 months and acted on"): a site of a programme is due for a review 6 months after its
 * latest one, at once when it never had one. The home page lists the reviews due within the next
 * 30 days and those overdue.
 */
export const FIDELITY_REVIEW_MONTHS = 6;
export const FIDELITY_NOTICE_DAYS = 30;

/** The same day `months` later, or the last day of that month when it is shorter (31 Aug + 6 → 28/29 Feb). */
export function sameDayMonthsLater(date: string, months: number): string {
  const first = addMonths(date, months);
  const day = Math.min(Number(date.slice(8, 10)), Number(monthEnd(first).slice(8, 10)));
  return `${first.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

export function fidelityDue(
  lastReview: string | null,
  today: string,
): { dueOn: string | null; overdue: boolean; listed: boolean } {
  if (lastReview === null) return { dueOn: null, overdue: true, listed: true };
  const dueOn = sameDayMonthsLater(lastReview, FIDELITY_REVIEW_MONTHS);
  return { dueOn, overdue: dueOn < today, listed: dueOn <= addDays(today, FIDELITY_NOTICE_DAYS) };
}
