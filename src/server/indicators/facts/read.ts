import { sql } from "kysely";
import type { Executor } from "../../infra/db/executor.ts";
import type { Histogram } from "./built-ins.ts";
import { COUNTERS, type Counters, zeroCounters } from "./counters.ts";
import { getOrSet } from "./maps.ts";

/**
 * Reads of the maintained facts (migration 0008). Every read is one set-based query over the
 * programme's rows of a derived table — never over the interventions, except for the few
 * enrolments a past reference date makes exceptional (their medians are counted from records).
 */

/**
 * Which sites a read covers: null for all; else the listed sites and every site not among
 * `known` (sites whose facts carry no version yet are always read).
 */
export type SiteFilter = { sites: number[]; known: number[] } | null;

const siteCondition = (column: ReturnType<typeof sql.ref>, only: SiteFilter) =>
  only === null
    ? sql`true`
    : sql`(${column} = any(${only.sites}::int[]) or not (${column} = any(${only.known}::int[])))`;

/**
 * Counters of every site of a programme as of each reference date: one pass over the programme's
 * rows of indicator_site_days, each day summed into the first date on or after it, then summed up
 * in date order. Returns reference date → site id → counters (sites without any day are absent).
 */
export async function readSiteCounters(
  db: Executor,
  programmeId: number,
  asOfs: readonly string[],
  only: SiteFilter = null,
): Promise<Map<string, Map<number, Counters>>> {
  const sorted = [...new Set(asOfs)].sort();
  const out = new Map<string, Map<number, Counters>>(sorted.map((r) => [r, new Map()]));
  if (sorted.length === 0) return out;
  // width_bucket over the exclusive upper bounds R + 1: 0 for day ≤ R₁, i for Rᵢ < day ≤ Rᵢ₊₁.
  const bounds = sorted.map((r) => sql`${r}::date + 1`);
  const { rows } = await sql<{ b: number; site_id: number } & Record<string, number>>`
    select width_bucket(d.day, array[${sql.join(bounds)}]) as b, d.site_id,
      ${sql.join(COUNTERS.map((c) => sql`sum(d.${sql.ref(c)})::int as ${sql.ref(c)}`))}
    from indicator_site_days d
    where d.programme_id = ${programmeId} and d.day <= ${sorted[sorted.length - 1]!}::date
      and ${siteCondition(sql.ref("d.site_id"), only)}
    group by 1, 2`.execute(db);
  const perBucket = new Map<number, Map<number, Counters>>();
  for (const row of rows) {
    const sites = getOrSet(perBucket, Number(row.b), () => new Map());
    const c = zeroCounters();
    for (const k of COUNTERS) c[k] = Number(row[k]);
    sites.set(row.site_id, c);
  }
  const running = new Map<number, Counters>();
  sorted.forEach((r, i) => {
    for (const [site, c] of perBucket.get(i) ?? []) {
      const acc = getOrSet(running, site, () => zeroCounters());
      for (const k of COUNTERS) acc[k] += c[k];
    }
    const snapshot = out.get(r)!;
    for (const [site, acc] of running) snapshot.set(site, { ...acc });
  });
  return out;
}

/** The first day of a civil date's month. */
const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** The last day of a civil date's month. */
function monthEndOf(date: string): string {
  const d = new Date(`${monthOf(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/**
 * Per reference date and site: enrolments by their number of psychosocial interventions in the
 * care period — exact at the end of R's month (one pass over the month histograms, summed over
 * months ≤ R's month); `readMedianExceptions` then moves the few enrolments a date inside the
 * month changes.
 */
export async function readHistograms(
  db: Executor,
  programmeId: number,
  asOfs: readonly string[],
  only: SiteFilter = null,
): Promise<Map<string, Map<number, Histogram>>> {
  const months = [...new Set(asOfs.map(monthOf))].sort();
  const out = new Map<string, Map<number, Histogram>>();
  if (months.length === 0) return out;
  // width_bucket over the first day of each next month: month m goes to the first R with m ≤ month(R).
  const bounds = months.map((m) => sql`${m}::date + interval '1 month'`);
  const { rows } = await sql<{ b: number; site_id: number; psychosocial: number; enrolments: number }>`
    select width_bucket(h.month, array[${sql.join(bounds)}]::date[]) as b, h.site_id, h.psychosocial,
      sum(h.enrolments)::int as enrolments
    from indicator_site_month_histograms h
    where h.programme_id = ${programmeId} and h.month <= ${months[months.length - 1]!}::date
      and ${siteCondition(sql.ref("h.site_id"), only)}
    group by 1, 2, 3`.execute(db);
  const perBucket = new Map<number, Array<(typeof rows)[number]>>();
  for (const r of rows) getOrSet(perBucket, Number(r.b), () => []).push(r);
  const running = new Map<number, Histogram>();
  const byMonth = new Map<string, Map<number, Histogram>>();
  months.forEach((m, i) => {
    for (const r of perBucket.get(i) ?? []) {
      const h = getOrSet(running, r.site_id, () => new Map());
      h.set(Number(r.psychosocial), (h.get(Number(r.psychosocial)) ?? 0) + Number(r.enrolments));
    }
    byMonth.set(m, new Map([...running].map(([site, h]) => [site, new Map(h)])));
  });
  for (const r of asOfs) out.set(r, byMonth.get(monthOf(r))!);
  return out;
}

export interface MedianException {
  siteId: number;
  /** The enrolment's count in the month histogram (at the end of R's month). */
  stored: number;
  /** Its count as of R, or null when it is not enrolled by R. */
  atR: number | null;
}

/**
 * The enrolments whose count at the end of R's month is not their count as of R: enrolled later in
 * that month, or with a psychosocial intervention later in that month (their horizon is after R).
 * None when R is the last day of its month; for today, only records dated in the future. Their
 * count as of R comes from their interventions (index on patient and date).
 */
export async function readMedianExceptions(
  db: Executor,
  programmeId: number,
  asOf: string,
): Promise<MedianException[]> {
  const monthEnd = monthEndOf(asOf);
  if (monthEnd === asOf) return [];
  const { rows } = await sql<{ site_id: number; stored: number; at_r: number | null }>`
    select f.site_id, z.stored,
      case when f.enrolment_date <= ${asOf}::date then z.stored - (
        select count(*)::int from interventions x
        where x.patient_id = f.patient_id and x.date > ${asOf}::date and x.date >= f.enrolment_date
          and x.date <= least(coalesce(f.end_date, ${monthEnd}::date), ${monthEnd}::date)
          and x.type = any(pp.psychosocial)
      ) end as at_r
    from indicator_enrolment_facts f
    join indicator_programme_params pp on pp.programme_id = f.programme_id
    cross join lateral (
      select (extract(year from ${asOf}::date)::int - extract(year from f.enrolment_date)::int) * 12
        + extract(month from ${asOf}::date)::int - extract(month from f.enrolment_date)::int as off
    ) q
    cross join lateral (select coalesce(f.psy_cum[array_position(f.psy_offsets, q.off)], 0) as stored) z
    where f.programme_id = ${programmeId}
      and ((f.enrolment_date > ${asOf}::date and f.enrolment_date <= ${monthEnd}::date)
        or (f.horizon > ${asOf}::date and f.enrolment_date <= ${asOf}::date and q.off = any(f.psy_offsets)))`.execute(
    db,
  );
  return rows.map((r) => ({
    siteId: r.site_id,
    stored: Number(r.stored),
    atR: r.at_r === null ? null : Number(r.at_r),
  }));
}

/** Site id → its own enrolment target, where the programme sets one. */
export async function readSiteTargets(db: Executor, programmeId: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ site_id: number; target_enrolment: number | null }>`
    select site_id, target_enrolment from programme_sites where programme_id = ${programmeId}`.execute(db);
  return new Map(
    rows.filter((r) => r.target_enrolment !== null).map((r) => [r.site_id, r.target_enrolment!]),
  );
}

/** Whether the programme's facts exist (built by migration 0008, a rebuild, or at creation). */
export async function factsBuilt(db: Executor, programmeId: number): Promise<boolean> {
  const { rows } = await sql<{ built: boolean }>`
    select exists (select 1 from indicator_programme_params where programme_id = ${programmeId}) as built`.execute(
    db,
  );
  return rows[0]?.built ?? false;
}

/**
 * Per reference date, the enrolments of E whose per-enrolment facts are not exact at it: a
 * counted record dated after R (horizon > R), or — should the facts miss one — no row at all;
 * and how many enrolments the programme has, to weigh them.
 */
export async function readEnrolmentExceptions(
  db: Executor,
  programmeId: number,
  asOfs: readonly string[],
): Promise<{ exceptions: Array<{ r: string; eid: number }>; enrolments: number }> {
  const dates = [...new Set(asOfs)];
  const [found, total] = await Promise.all([
    sql<{ r: string; eid: number }>`
      select u.r::text as r, f.enrolment_id as eid
      from unnest(${dates}::date[]) as u(r)
      join indicator_enrolment_facts f on f.programme_id = ${programmeId} and f.horizon > u.r
        and f.enrolment_date <= u.r
      union all
      select u.r::text, e.id
      from unnest(${dates}::date[]) as u(r)
      join enrolments e on e.programme_id = ${programmeId} and e.enrolment_date <= u.r
      where not exists (select 1 from indicator_enrolment_facts f where f.enrolment_id = e.id)`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from indicator_enrolment_facts
      where programme_id = ${programmeId}`.execute(db),
  ]);
  return {
    exceptions: found.rows.map((r) => ({ r: r.r, eid: Number(r.eid) })),
    enrolments: Number(total.rows[0]?.n ?? 0),
  };
}
