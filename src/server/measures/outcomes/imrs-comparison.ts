import type { z } from "zod";
import { loadPatientOf } from "../../core/access/patients.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { IMRS_CLIENT } from "../instruments/library/imrs.ts";
import { round } from "../instruments/score.ts";
import { patientSite } from "../patient-site.ts";
import type { ImrsComparison } from "./schemas.ts";

type Out = z.infer<typeof ImrsComparison>;

/** At most this many days between a client and a clinician rating for them to be compared. */
export const PAIR_WINDOW_DAYS = 30;

/**
 * Client versus clinician IMRS for one patient: for each client rating, the clinician rating of
 * the same timepoint nearest in date (within 30 days), with the difference of the totals and —
 * when both were entered item by item — of each item. Audited read.
 */
export async function imrsComparison(db: Db, p: Principal, actor: Actor, patientId: number): Promise<Out> {
  await loadPatientOf(db, p, patientId);
  const rows = await db
    .selectFrom("assessments as a")
    .leftJoin("measure_administrations as m", "m.assessment_id", "a.id")
    .select(["a.id", "a.date", "a.instrument", "a.timepoint", "a.total_score", "m.answers"])
    .where("a.patient_id", "=", patientId)
    .where("a.instrument", "in", ["IMRS-CLIENT", "IMRS-CLINICIAN"])
    .where("a.total_score", "is not", null)
    .orderBy("a.date")
    .orderBy("a.id")
    .execute();
  await audit(db, actor, {
    action: "read",
    entity: "imrs_comparison",
    entityId: patientId,
    siteId: await patientSite(db, patientId),
    detail: { patientId },
  });
  const clinician = rows.filter((r) => r.instrument === "IMRS-CLINICIAN");
  const used = new Set<number>();
  const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  const pairs: Out["pairs"] = [];
  for (const c of rows.filter((r) => r.instrument === "IMRS-CLIENT")) {
    const match = clinician
      .filter(
        (k) => !used.has(k.id) && k.timepoint === c.timepoint && days(k.date, c.date) <= PAIR_WINDOW_DAYS,
      )
      .sort((a, b) => days(a.date, c.date) - days(b.date, c.date))[0];
    if (!match) continue;
    used.add(match.id);
    const ct = Number(c.total_score);
    const kt = Number(match.total_score);
    const items =
      c.answers && match.answers
        ? IMRS_CLIENT.items.map((item) => {
            const a = c.answers![item.id] ?? null;
            const b = match.answers![item.id] ?? null;
            return {
              id: item.id,
              topic: item.text!.split(":")[0]!,
              client: a,
              clinician: b,
              difference: a === null || b === null ? null : a - b,
            };
          })
        : null;
    pairs.push({
      timepoint: c.timepoint as Out["pairs"][number]["timepoint"],
      client: { date: c.date, total: ct, mean: round(ct / 15, 2) },
      clinician: { date: match.date, total: kt, mean: round(kt / 15, 2) },
      difference: round(ct - kt, 2),
      items,
    });
  }
  return { patientId, pairs };
}
