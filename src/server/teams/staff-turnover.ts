import { addDays, yearOf } from "../infra/time/civil-date.ts";

/** What the turnover needs of a professional: the days they joined and left the site, when known. */
export interface StaffHistory {
  joinedOn: string | null;
  leftOn: string | null;
}

export interface TurnoverPeriod {
  year: number;
  from: string;
  /** The period's last day: 31 December, or today for the current year (year to date). */
  to: string;
  /** In post at the end of the day before the period. */
  startHeadcount: number;
  /** In post at the end of its last day: start + joiners − leavers. */
  endHeadcount: number;
  joiners: number;
  leavers: number;
  /** Leavers ÷ the mean of the start and end headcounts; null when nobody was in post. */
  turnover: number | null;
}

/**
 * In post at the end of `day`: joined on or before it (an unknown day counts as "before the
 * records") and not left by then — whoever leaves on `day` is no longer in post that evening.
 */
const inPost = (p: StaffHistory, day: string) =>
  (p.joinedOn === null || p.joinedOn <= day) && (p.leftOn === null || p.leftOn > day);

const within = (date: string | null, from: string, to: string) => date !== null && date >= from && date <= to;

/**
 * Staff turnover of a site, per calendar year for `years` years ending with today's (year to
 * date), the way workforce reports count it: leavers in the period over the mean of the
 * headcounts at its start and its end. A professional who joined and left inside the period is a
 * joiner and a leaver, in neither headcount.
 */
export function staffTurnover(staff: readonly StaffHistory[], today: string, years = 3): TurnoverPeriod[] {
  const current = yearOf(today);
  const out: TurnoverPeriod[] = [];
  for (let year = current - years + 1; year <= current; year++) {
    const from = `${year}-01-01`;
    const to = year === current ? today : `${year}-12-31`;
    const eve = addDays(from, -1);
    const startHeadcount = staff.filter((p) => inPost(p, eve)).length;
    const endHeadcount = staff.filter((p) => inPost(p, to)).length;
    const joiners = staff.filter((p) => within(p.joinedOn, from, to)).length;
    const leavers = staff.filter((p) => within(p.leftOn, from, to)).length;
    const mean = (startHeadcount + endHeadcount) / 2;
    out.push({
      year,
      from,
      to,
      startHeadcount,
      endHeadcount,
      joiners,
      leavers,
      turnover: mean === 0 ? null : leavers / mean,
    });
  }
  return out;
}
