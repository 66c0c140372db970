import type { ActivityStatus } from "./schemas.ts";

/**
 * An activity is overdue when its end date has passed — strictly before today, so an activity
 * ending today is not — and it is neither done nor dropped. Dates are civil `YYYY-MM-DD` strings,
 * which compare correctly as text.
 */
export function isOverdue(activity: { end: string; status: ActivityStatus }, today: string): boolean {
  return activity.end < today && activity.status !== "done" && activity.status !== "dropped";
}
