/** Period helpers for the indicators capability, over the civil dates of infra/time/civil-date.ts. */
import { addMonths, monthEnd } from "../infra/time/civil-date.ts";

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
