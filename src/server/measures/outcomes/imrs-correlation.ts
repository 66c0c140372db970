import { sql } from "kysely";
import type { z } from "zod";
import type { AggregateAccess } from "../../core/access/aggregates.ts";
import { isSmall } from "../../core/small-cells.ts";
import type { Db } from "../../infra/db/database.ts";
import { round } from "../instruments/score.ts";
import { type Correlation, pearson } from "./correlation.ts";
import type { ImrsCorrelation } from "./schemas.ts";

type Out = z.infer<typeof ImrsCorrelation>;

/**
 * The correlation of client and clinician IMRS totals across the patients of a programme (as the
 * Ferrara study reports), per site and overall. One pair per patient: their latest client total
 * and the clinician total of the same timepoint nearest to it in date (within 30 days), found in
 * one set-based query; Pearson's r with its two-sided p-value and 95% interval in `pearson`.
 */
export async function imrsCorrelation(db: Db, access: AggregateAccess): Promise<Out> {
  const { programme } = access;
  const { rows } = await sql<{ site_id: number; client: number; clinician: number }>`
    with imrs as (
      select e.site_id, a.patient_id, a.instrument, a.timepoint, a.date, a.id, a.total_score::float8 as total
      from enrolments e
      join assessments a on a.patient_id = e.patient_id
      where e.programme_id = ${programme.id}
        and a.instrument in ('IMRS-CLIENT', 'IMRS-CLINICIAN')
        and a.total_score is not null
    ),
    client as (
      select distinct on (patient_id) * from imrs where instrument = 'IMRS-CLIENT'
      order by patient_id, date desc, id desc
    )
    select c.site_id, c.total as client, k.total as clinician
    from client c
    cross join lateral (
      select i.total from imrs i
      where i.patient_id = c.patient_id and i.instrument = 'IMRS-CLINICIAN'
        and i.timepoint is not distinct from c.timepoint
        and abs(i.date - c.date) <= 30
      order by abs(i.date - c.date), i.id desc
      limit 1
    ) k
    order by c.site_id, c.patient_id
  `.execute(db);
  const row = (pairs: typeof rows) => {
    const x = pairs.map((p) => Number(p.client));
    const y = pairs.map((p) => Number(p.clinician));
    const mean = (v: number[]) => (v.length ? round(v.reduce((a, b) => a + b, 0) / v.length, 2) : null);
    const c: Correlation = pearson(x, y);
    const out = {
      n: pairs.length,
      clientMean: mean(x),
      clinicianMean: mean(y),
      r: c.r,
      pValue: c.pValue,
      ci: c.ci,
    };
    return access.suppressSmallCells && isSmall(out.n)
      ? { n: null, clientMean: null, clinicianMean: null, r: null, pValue: null, ci: null, suppressed: true }
      : { ...out, suppressed: false };
  };
  const sites = programme.sites.map((s) => ({
    siteId: s.id,
    siteCode: s.code,
    siteName: s.name,
    ...row(rows.filter((r) => r.site_id === s.id)),
  }));
  return {
    programmeId: programme.id,
    method:
      "Pearson's r of the latest client IMRS total and the clinician total of the same timepoint within 30 days, one pair per patient; two-sided t-test of r = 0; 95% CI by Fisher's z; r needs at least 4 pairs.",
    sites,
    programme: row(rows),
  };
}
