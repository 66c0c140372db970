/** Civil-date helpers for the indicators capability: whole days, no time zone. */

/** The region's civil today (one helper for every "today": infra/time/civil-date.ts). */
export { today as regionToday } from "../infra/time/civil-date.ts";

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

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

const monthEnd = (date: string) => addDays(addMonths(date, 1), -1);

/** Monthly reference dates from `from` to `to`: each month's last day, the last one capped at `to`. */
export function monthlyAsOfs(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = addMonths(from, 0); m <= to; m = addMonths(m, 1)) {
    const end = monthEnd(m);
    out.push(end > to ? to : end);
  }
  return out;
}

/** Every period key from the smallest to the largest of `keys` (YYYY-MM, YYYY-Qn or YYYY). */
export function fillPeriods(
  by: "enrolment_month" | "enrolment_quarter" | "enrolment_year",
  keys: string[],
): string[] {
  const sorted = [...keys].sort();
  if (sorted.length === 0) return [];
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const out: string[] = [];
  if (by === "enrolment_year") {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y).padStart(4, "0"));
  } else if (by === "enrolment_quarter") {
    const toIndex = (k: string) => Number(k.slice(0, 4)) * 4 + Number(k.slice(6)) - 1;
    for (let i = toIndex(first); i <= toIndex(last); i++) {
      out.push(`${String(Math.floor(i / 4)).padStart(4, "0")}-Q${(i % 4) + 1}`);
    }
  } else {
    for (let m = `${first}-01`; m.slice(0, 7) <= last; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  }
  return out;
}
