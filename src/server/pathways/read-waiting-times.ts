import { sql } from "kysely";
import type { PeriodQuery, ProgrammeFigures } from "../core/access/aggregates.ts";
import type { Executor } from "../infra/db/executor.ts";
import { addDays, today } from "../infra/time/civil-date.ts";
import { waitingCells } from "./referral-rules.ts";
import type { WaitingTimes } from "./schemas.ts";

/** Pending referrals waiting more than this many days are counted when the request names none. */
export const DEFAULT_OVER_DAYS = 28;

interface Row {
  site_id: number | null;
  referrals: number;
  median: number | null;
  p90: number | null;
  pending_over: number;
}

/**
 * The waiting-time indicator of a programme, per site and overall, in one set-based statement: the
 * referrals made at the programme's sites for patients enrolled in it there on the referral date;
 * for those made in the period (default: the last 12 months) the median and 90th percentile of the
 * waiting days (`waitingDays` in referral-rules.ts: to the first contact, else the decision, else
 * today), and — whenever made — how many are still pending after more than `overDays`. Outside the
 * indicator catalogue (referrals are not enrolment facts): see ARCHITECTURE.md.
 */
export async function readWaitingTimes(
  db: Executor,
  access: ProgrammeFigures,
  query: PeriodQuery & { overDays?: number | undefined },
): Promise<WaitingTimes> {
  const { programme } = access;
  const asOf = today();
  const to = query.to ?? asOf;
  const from = query.from ?? addDays(to, -364);
  const overDays = query.overDays ?? DEFAULT_OVER_DAYS;
  const siteIds = [...programme.sites.map((s) => s.id), 0];
  const { rows } = await sql<Row>`
    with waits as (
      select r.site_id, r.referral_date, r.decision,
        greatest(0, coalesce(r.first_contact_date, r.decision_date, ${asOf}::date) - r.referral_date) as days
      from referrals r
      where r.site_id in (${sql.join(siteIds)})
        and exists (
          select 1 from enrolments e
          where e.patient_id = r.patient_id and e.site_id = r.site_id and e.programme_id = ${programme.id}
            and e.enrolment_date <= r.referral_date
            and (e.end_date is null or e.end_date >= r.referral_date)
        )
    )
    select site_id,
      count(*) filter (where referral_date between ${from}::date and ${to}::date)::int as referrals,
      percentile_cont(0.5) within group (order by days)
        filter (where referral_date between ${from}::date and ${to}::date) as median,
      percentile_cont(0.9) within group (order by days)
        filter (where referral_date between ${from}::date and ${to}::date) as p90,
      count(*) filter (where decision = 'pending' and days > ${overDays})::int as pending_over
    from waits
    group by grouping sets ((site_id), ())`.execute(db);
  const cells = (r: Row | undefined) =>
    waitingCells(r ?? { referrals: 0, median: null, p90: null, pending_over: 0 }, access.suppressSmallCells);
  return {
    programmeId: programme.id,
    from,
    to,
    overDays,
    asOf,
    sites: programme.sites.map((s) => ({
      siteId: s.id,
      siteCode: s.code,
      ...cells(rows.find((r) => r.site_id === s.id)),
    })),
    programme: cells(rows.find((r) => r.site_id === null)),
  };
}
