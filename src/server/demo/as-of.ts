import { today } from "../infra/time/civil-date.ts";

/** Today in the region's calendar (PRAXIS_TIME_ZONE, default Europe/Rome), `YYYY-MM-DD`: the demo's last day of care. */
export function demoToday(now: Date = new Date()): string {
  return today(now);
}

/** A `YYYY-MM-DD` that names a real day between 2000 and 2099, or an error message. */
export function asOfProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return "--as-of must be a date written YYYY-MM-DD";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return `--as-of ${text} is not a day of the calendar`;
  if (y < 2000 || y > 2099) return "--as-of must be a day between 2000 and 2099";
  return null;
}
