import { civilDay } from "../../shared/civil-date.ts";

/**
 * "Today" in the web app: the region's civil day (the server's PRAXIS_TIME_ZONE, given with the
 * session), not the browser's or UTC's — a form's default date and the dashboard's as-of date are
 * the day the server will accept and compute for. Before a session is known (the login page), the
 * browser's own zone.
 */
let regionZone: string | null = null;

/** Called when the session is adopted (app/session.ts). */
export function setRegionTimeZone(zone: string | null): void {
  regionZone = zone;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today as a civil date (`YYYY-MM-DD`) in the region's time zone. */
export function todayIso(now: Date = new Date()): string {
  return civilDay(now, regionZone ?? browserZone());
}
