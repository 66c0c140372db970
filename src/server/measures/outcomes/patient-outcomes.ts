import type { z } from "zod";
import { loadPatientOf } from "../../core/access/patients.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { findInstrument, LIBRARY } from "../instruments/library/index.ts";
import { bandOf, reliableChange, type ScoreResult } from "../instruments/score.ts";
import { patientSite } from "../patient-site.ts";
import type { PatientOutcomes } from "./schemas.ts";

type Out = z.infer<typeof PatientOutcomes>;
type Instrument = Out["instruments"][number];

/**
 * A patient's scores over time, per instrument of the library: every assessment (recorded here or
 * imported from the information system), with its band and flags, and the change from the first
 * to the latest total per respondent with its reliable-change index where the instrument publishes
 * a reliability figure. One query; the read is audited.
 */
export async function patientOutcomes(db: Db, p: Principal, actor: Actor, patientId: number): Promise<Out> {
  await loadPatientOf(db, p, patientId);
  const rows = await db
    .selectFrom("assessments as a")
    .leftJoin("measure_administrations as m", "m.assessment_id", "a.id")
    .select([
      "a.id",
      "a.date",
      "a.instrument",
      "a.respondent",
      "a.timepoint",
      "a.total_score",
      "m.id as administration_id",
      "m.result",
    ])
    .where("a.patient_id", "=", patientId)
    .orderBy("a.date")
    .orderBy("a.id")
    .execute();
  await audit(db, actor, {
    action: "read",
    entity: "patient_outcomes",
    entityId: patientId,
    siteId: await patientSite(db, patientId),
    detail: { patientId, assessments: rows.length },
  });
  const byInstrument = new Map<string, typeof rows>();
  for (const r of rows) byInstrument.set(r.instrument, [...(byInstrument.get(r.instrument) ?? []), r]);
  const order = new Map(LIBRARY.map((d, i) => [d.code, i]));
  const instruments: Instrument[] = [];
  for (const [code, list] of [...byInstrument].sort(
    (a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99),
  )) {
    const def = findInstrument(code);
    if (!def) continue;
    const points = list.map((r) => {
      const total = r.total_score === null ? null : Number(r.total_score);
      const stored = r.result as ScoreResult | null;
      return {
        assessmentId: r.id,
        administrationId: r.administration_id,
        date: r.date,
        timepoint: r.timepoint as Instrument["points"][number]["timepoint"],
        respondent: r.respondent as Instrument["points"][number]["respondent"],
        total,
        band: stored?.band ?? bandOf(def.bands, total),
        flags: stored?.flags.map((f) => f.code) ?? [],
      };
    });
    const changes: Instrument["changes"] = [];
    for (const respondent of ["patient", "clinician", "family"] as const) {
      const scored = points.filter((x) => x.respondent === respondent && x.total !== null);
      if (scored.length < 2) continue;
      const first = scored[0]!;
      const last = scored[scored.length - 1]!;
      const rc = reliableChange(def, first.total!, last.total!);
      changes.push({
        respondent,
        from: { date: first.date, total: first.total! },
        to: { date: last.date, total: last.total! },
        change: rc?.change ?? Math.round((last.total! - first.total!) * 100) / 100,
        index: rc?.index ?? null,
        threshold: rc?.threshold ?? null,
        direction: rc?.direction ?? null,
      });
    }
    instruments.push({
      instrument: def.code,
      name: def.name,
      range: def.total?.range ?? null,
      higherIsBetter: def.higherIsBetter,
      bands: def.bands ?? [],
      reliableChangeSource: def.reliableChange?.source ?? null,
      points,
      changes,
    });
  }
  return { patientId, instruments };
}
