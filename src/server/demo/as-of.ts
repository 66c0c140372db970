/** The region's calendar: the demo's dates are days in Rome, whatever the server's time zone. */
export const DEMO_TIME_ZONE = "Europe/Rome";

/** Today in the region's calendar, `YYYY-MM-DD`. */
export function demoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: DEMO_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
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
