import { sql } from "kysely";
import type { PeriodQuery, ProgrammeFigures } from "../core/access/aggregates.ts";
import type { Executor } from "../infra/db/executor.ts";
import { addDays, today } from "../infra/time/civil-date.ts";
import type { Uptake } from "./schemas.ts";
import { uptakeOf } from "./uptake.ts";

interface Row {
  site_id: number;
  enrolled: number;
  declined: number;
}

/**
 * Uptake of the programme per site and overall over a period (default: the last 12 months), in
 * one set-based query: patients enrolled in it in the period, and patients who declined it in the
 * period and were not enrolled in it in the period (each patient once per site). The programme's
 * counts are the sums of its sites', as the `offers` indicator's are (indicators/compile.ts).
 */
export async function readUptake(
  db: Executor,
  access: ProgrammeFigures,
  period: PeriodQuery,
): Promise<Uptake> {
  const { programme } = access;
  const to = period.to ?? today();
  const from = period.from ?? addDays(to, -364);
  const { rows } = await sql<Row>`
    with enrolled as (
      select site_id, patient_id from enrolments
      where programme_id = ${programme.id} and enrolment_date between ${from}::date and ${to}::date
    ),
    declined as (
      select distinct o.site_id, o.patient_id from declined_offers o
      where o.programme_id = ${programme.id} and o.offer_date between ${from}::date and ${to}::date
        and not exists (select 1 from enrolled e where e.patient_id = o.patient_id)
    ),
    people as (
      select site_id, patient_id, true as is_enrolled from enrolled
      union all
      select site_id, patient_id, false from declined
    )
    select site_id,
      count(distinct patient_id) filter (where is_enrolled)::int as enrolled,
      count(distinct patient_id) filter (where not is_enrolled)::int as declined
    from people
    group by site_id`.execute(db);
  const cells = (r: Pick<Row, "enrolled" | "declined"> | undefined) =>
    uptakeOf(r?.enrolled ?? 0, r?.declined ?? 0, access.suppressSmallCells);
  // Every site with enrolments or offers of the programme counts, as in the indicators.
  const sum = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    programmeId: programme.id,
    from,
    to,
    sites: programme.sites.map((s) => ({
      siteId: s.id,
      siteCode: s.code,
      ...cells(rows.find((r) => r.site_id === s.id)),
    })),
    programme: cells({ enrolled: sum((r) => r.enrolled), declined: sum((r) => r.declined) }),
  };
}
