import { LOOKBACK_DAYS } from "../../shared/programme-defaults.ts";
import { FAMILY_RECIPIENTS } from "../../shared/vocabulary.ts";
import { addDays, daysBetween, minDate } from "../infra/time/civil-date.ts";

/**
 * The INDICATORS.md definitions for one enrolment, as of a reference date: the care period, the
 * early window (days 0 … earlyWindowDays−1 that also lie within the care period) with its counts,
 * and the plans of the enrolment. Pure: the patient page and its tests share it.
 */

export interface EnrolmentDates {
  enrolmentDate: string;
  endDate: string | null;
}

export interface CareRecord {
  date: string;
  type: string;
  recipient: string;
}

export interface PlanRecord {
  id: number;
  code: string;
  createdDate: string;
  signedByPatient: boolean;
}

/** The last day of the care period: the end date, or the reference date if sooner (or still open). */
export const carePeriodEnd = (e: EnrolmentDates, asOf: string) =>
  e.endDate ? minDate(e.endDate, asOf) : asOf;

export function earlyWindow(
  e: EnrolmentDates,
  rules: { earlyWindowDays: number; intensiveThreshold: number; psychosocial: Set<string> },
  asOf: string,
  records: CareRecord[],
) {
  const fullEnd = addDays(e.enrolmentDate, rules.earlyWindowDays - 1);
  const end = e.endDate ? minDate(fullEnd, e.endDate) : fullEnd;
  const countedUntil = asOf < e.enrolmentDate ? null : minDate(end, asOf);
  const closed = asOf > end;
  const inWindow = countedUntil
    ? records.filter((r) => r.date >= e.enrolmentDate && r.date <= countedUntil)
    : [];
  const byType: Record<string, number> = {};
  for (const r of inWindow) byType[r.type] = (byType[r.type] ?? 0) + 1;
  const psychosocial = inWindow.filter((r) => rules.psychosocial.has(r.type)).length;
  return {
    start: e.enrolmentDate,
    end,
    countedUntil,
    closed,
    daysLeft: closed ? 0 : daysBetween(asOf, end),
    psychosocial,
    threshold: rules.intensiveThreshold,
    intensive: psychosocial >= rules.intensiveThreshold,
    total: inWindow.length,
    byType,
    familyReached: inWindow.some((r) => FAMILY_RECIPIENTS.has(r.recipient)),
  };
}

/**
 * Plans of an enrolment: created from enrolment − 90 days to the end of the care period. The
 * latest is the greatest created date, then the greatest code (byte order).
 */
export function plansOfEnrolment(e: EnrolmentDates, asOf: string, plans: PlanRecord[]) {
  const from = addDays(e.enrolmentDate, -LOOKBACK_DAYS);
  const to = carePeriodEnd(e, asOf);
  const mine = plans.filter((p) => p.createdDate >= from && p.createdDate <= to);
  const latest = mine.reduce<PlanRecord | null>((best, p) => {
    if (!best) return p;
    if (p.createdDate !== best.createdDate) return p.createdDate > best.createdDate ? p : best;
    return Buffer.compare(Buffer.from(p.code), Buffer.from(best.code)) > 0 ? p : best;
  }, null);
  return {
    count: mine.length,
    latestPlanId: latest?.id ?? null,
    latestSigned: latest ? latest.signedByPatient : null,
  };
}
