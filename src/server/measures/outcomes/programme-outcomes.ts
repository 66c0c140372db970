import { sql } from "kysely";
import type { z } from "zod";
import type { AggregateAccess } from "../../core/access/aggregates.ts";
import { isSmall } from "../../core/small-cells.ts";
import type { Db } from "../../infra/db/database.ts";
import { invalid } from "../../infra/http/errors.ts";
import { findInstrument } from "../instruments/library/index.ts";
import { reliableChangePoints, round } from "../instruments/score.ts";
import type { ProgrammeOutcomes } from "./schemas.ts";

type Out = z.infer<typeof ProgrammeOutcomes>;
type Row = Omit<Out["programme"], "suppressed">;

interface SqlRow {
  site_id: number | null;
  n: number;
  baseline_mean: number | null;
  latest_mean: number | null;
  mean_change: number | null;
  sd_change: number | null;
  improved: number;
  deteriorated: number;
}

/**
 * Pre/post change of one instrument per site of a programme and for the whole programme, in one
 * set-based query: for each patient enrolled in the programme (grouped by the site of that
 * enrolment), the earliest `baseline` total and the latest `follow_up` or `end` total dated after
 * it (paired: patients without both are left out); n, the means, the mean change and its SD, and
 * how many changed by at least the instrument's reliable-change threshold for better or worse.
 */
export async function programmeOutcomes(
  db: Db,
  access: AggregateAccess,
  instrument: string,
  respondent: string | undefined,
): Promise<Out> {
  const def = findInstrument(instrument);
  if (!def)
    throw invalid(
      "querystring.instrument",
      "unknown_instrument",
      `"${instrument}" is not an instrument of the library`,
    );
  if (!def.total)
    throw invalid("querystring.instrument", "no_total", `${def.code} has no total score to compare`);
  const threshold = reliableChangePoints(def);
  // "better" is a fall for symptom scales and a rise for the IMRS
  const sign = def.higherIsBetter ? 1 : -1;
  const { programme } = access;
  const { rows } = await sql<SqlRow>`
    with scores as (
      select e.site_id, a.patient_id, a.date, a.id, a.timepoint, a.total_score::float8 as total
      from enrolments e
      join assessments a on a.patient_id = e.patient_id
      where e.programme_id = ${programme.id}
        and a.instrument = ${def.code}
        and a.total_score is not null
        and (${respondent ?? null}::text is null or a.respondent = ${respondent ?? null}::text)
    ),
    base as (
      select distinct on (patient_id) site_id, patient_id, date, total
      from scores where timepoint = 'baseline' order by patient_id, date, id
    ),
    latest as (
      select distinct on (s.patient_id) s.patient_id, s.total
      from scores s join base b on b.patient_id = s.patient_id
      where s.timepoint in ('follow_up', 'end') and s.date > b.date
      order by s.patient_id, s.date desc, s.id desc
    ),
    paired as (
      select b.site_id, b.total as before, l.total as after, l.total - b.total as change
      from base b join latest l on l.patient_id = b.patient_id
    )
    select grouping(site_id) = 1 as is_total, site_id,
      count(*)::int as n,
      avg(before) as baseline_mean, avg(after) as latest_mean,
      avg(change) as mean_change, stddev_samp(change) as sd_change,
      count(*) filter (where ${threshold}::float8 is not null and ${sign}::float8 * change >= ${threshold}::float8)::int as improved,
      count(*) filter (where ${threshold}::float8 is not null and -${sign}::float8 * change >= ${threshold}::float8)::int as deteriorated
    from paired
    group by grouping sets ((site_id), ())
  `.execute(db);
  const r2 = (x: number | null) => (x === null ? null : round(Number(x), 2));
  const toRow = (r: SqlRow | undefined): Row => ({
    n: r?.n ?? 0,
    baselineMean: r2(r?.baseline_mean ?? null),
    latestMean: r2(r?.latest_mean ?? null),
    meanChange: r2(r?.mean_change ?? null),
    sdChange: r2(r?.sd_change ?? null),
    reliablyImproved: threshold === null ? null : (r?.improved ?? 0),
    reliablyDeteriorated: threshold === null ? null : (r?.deteriorated ?? 0),
  });
  /** A row of too few patients: every figure hidden. */
  const suppressed: Out["programme"] = {
    n: null,
    baselineMean: null,
    latestMean: null,
    meanChange: null,
    sdChange: null,
    reliablyImproved: null,
    reliablyDeteriorated: null,
    suppressed: true,
  };
  const hide = (row: Row): Out["programme"] =>
    access.suppressSmallCells && isSmall(row.n) ? suppressed : { ...row, suppressed: false };
  const bySite = new Map(rows.filter((r) => r.site_id !== null).map((r) => [r.site_id!, r]));
  const sites = programme.sites.map((s) => ({
    siteId: s.id,
    siteCode: s.code,
    siteName: s.name,
    ...hide(toRow(bySite.get(s.id))),
  }));
  // a single suppressed site could be derived from the programme row minus the others: hide it too
  let total = hide(toRow(rows.find((r) => r.site_id === null)));
  if (sites.filter((s) => s.suppressed).length === 1 && access.suppressSmallCells) total = suppressed;
  return {
    programmeId: programme.id,
    instrument: def.code,
    higherIsBetter: def.higherIsBetter,
    reliableChangeThreshold: threshold,
    sites,
    programme: total,
  };
}
