/**
 * Civil dates as whole day numbers (days since 1970-01-01): arithmetic is integer addition, and
 * the text form is cached, since the region-scale demo formats tens of millions of dates.
 */
const DAY_MS = 86_400_000;
const FIRST = -25_567; // 1900-01-01
const LAST = 47_846; // 2100-12-31
const cache: string[] = [];

export function dayOf(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date: ${iso}`);
  return Math.round(t / DAY_MS);
}

export function isoOf(day: number): string {
  if (day < FIRST || day > LAST) throw new Error(`day ${day} is outside 1900–2100`);
  const i = day - FIRST;
  let s = cache[i];
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache[i] = s;
  }
  return s;
}

export const yearOfDay = (day: number) => Number(isoOf(day).slice(0, 4));

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The nearest working day: Saturday → Friday, Sunday → Monday, kept within [min, max]. */
export function workingDay(day: number, min: number, max: number): number {
  const w = weekday(day);
  const moved = w === 6 ? day - 1 : w === 0 ? day + 1 : day;
  return moved >= min && moved <= max ? moved : day;
}

/** Summer and Christmas breaks, when groups do not meet. */
export function isGroupBreak(day: number): boolean {
  const md = isoOf(day).slice(5);
  return (md >= "08-05" && md <= "08-25") || md >= "12-23" || md <= "01-06";
}
