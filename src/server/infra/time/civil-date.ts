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

/**
 * Days since 1970-01-01 of a civil date `YYYY-MM-DD`, read digit by digit (no allocation: for a
 * loop over a million rows, such as an import's facts pass). Hinnant's days_from_civil.
 */
export function dayNumber(date: string): number {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digits(date, 8, 2) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The month of a civil date as year × 12 + month − 1 (consecutive months, consecutive numbers). */
export const monthNumber = (date: string) => digits(date, 0, 4) * 12 + digits(date, 5, 2) - 1;

/** The civil date of a day number (`dayNumber`'s inverse). */
export const fromDayNumber = (n: number) => addDays("1970-01-01", n);

function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
