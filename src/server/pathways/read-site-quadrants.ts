import { sql } from "kysely";
import { patientVisible } from "../core/access/patient-scope.ts";
import { assertSiteReadable } from "../core/access/patients.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import type { SiteQuadrants } from "./schemas.ts";

/**
 * A site's patients with an open enrolment there (that the user sees), counted by their latest
 * quadrant at the site — the latest date, then the latest record — and those never stratified
 * there. One statement; counts only, no patient-level rows.
 */
export async function readSiteQuadrants(db: Db, p: Principal, siteId: number): Promise<SiteQuadrants> {
  const site = await db.selectFrom("sites").select("id").where("id", "=", siteId).executeTakeFirst();
  if (!site) throw notFound("site");
  assertSiteReadable(p, siteId);
  const asOf = today();
  const open = db
    .selectFrom("patients as p")
    .select("p.id")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("enrolments as e")
          .select(sql`1`.as("one"))
          .whereRef("e.patient_id", "=", "p.id")
          .where("e.site_id", "=", siteId)
          .where("e.enrolment_date", "<=", asOf)
          .where((w) => w.or([w("e.end_date", "is", null), w("e.end_date", ">=", asOf)])),
      ),
    )
    .where((eb) => patientVisible(eb as unknown as Parameters<typeof patientVisible>[0], p));
  const { rows } = await sql<{ quadrant: string | null; n: number }>`
    with open_patients as (${open})
    select latest.quadrant, count(*)::int as n
    from open_patients o
    left join lateral (
      select q.quadrant from pathway_stratifications q
      where q.patient_id = o.id and q.site_id = ${siteId} and q.stratified_date <= ${asOf}::date
      order by q.stratified_date desc, q.id desc
      limit 1
    ) latest on true
    group by latest.quadrant`.execute(db);
  const n = (q: string | null) => rows.find((r) => r.quadrant === q)?.n ?? 0;
  return {
    siteId,
    asOf,
    counts: { I: n("I"), II: n("II"), III: n("III"), IV: n("IV") },
    notStratified: n(null),
  };
}
