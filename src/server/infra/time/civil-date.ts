/**
 * Civil dates: "today" and as-of dates are the region's calendar day, not the server clock's zone.
 * The region's time zone is PRAXIS_TIME_ZONE (an IANA name), default Europe/Rome — so care entered
 * at 00:30 in Milan is dated that day even on a server running in UTC.
 */
import { civilDay } from "../../../shared/civil-date.ts";

export const DEFAULT_TIME_ZONE = "Europe/Rome";

/** The configured region time zone, checked: an unknown name is refused at start, not at midnight. */
export function regionTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.PRAXIS_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  // checked once per name: building a formatter costs more than the rest of a cached dashboard read
  if (!checkedZones.has(zone)) {
    try {
      new Intl.DateTimeFormat("en-CA", { timeZone: zone });
    } catch {
      throw new Error(`PRAXIS_TIME_ZONE: "${zone}" is not a time zone (an IANA name such as Europe/Rome)`);
    }
    checkedZones.add(zone);
  }
  return zone;
}

const checkedZones = new Set<string>();

/** The civil date (YYYY-MM-DD) at `now` in `timeZone` (default: the region's). */
export function today(now: Date = new Date(), timeZone: string = regionTimeZone()): string {
  return civilDay(now, timeZone);
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

/** `date` plus `days` whole days (negative allowed), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/** The last day of `date`'s month. */
export const monthEnd = (date: string) => addDays(addMonths(date, 1), -1);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/** The earlier of two civil dates (`YYYY-MM-DD` compares correctly as text). */
export const minDate = (a: string, b: string) => (a < b ? a : b);

/** The calendar year of a civil date. */
export const yearOf = (date: string) => Number(date.slice(0, 4));
