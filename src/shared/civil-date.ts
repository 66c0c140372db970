/**
 * The civil day — the calendar date people in the region live by — at an instant, in a time zone.
 * Pure and shared: the server's `today()` (infra/time) and the web app's `todayIso()` (app/today.ts)
 * both answer through it, so the dashboard's default date, a form's default date and the server's
 * "not in the future" rule agree at 00:30 in Milan whatever zone the server or the browser is in.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` at `now` in `timeZone` (an IANA name such as Europe/Rome). */
export function civilDay(now: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}
