import type { Quadrant, Severity } from "../../shared/pathways.ts";
import type { Executor } from "../infra/db/executor.ts";
import { type RecordSelection, selectedRecords } from "./record-selection.ts";
import type { Stratification } from "./schemas.ts";

/** Stratifications by id, or a patient's at the given sites: newest first (date, then id). */
export async function loadStratifications(
  db: Executor,
  where: RecordSelection,
): Promise<Array<Stratification>> {
  const q = db
    .selectFrom("pathway_stratifications as q")
    .innerJoin("sites as s", "s.id", "q.site_id")
    .select([
      "q.id",
      "q.patient_id",
      "q.site_id",
      "s.code as site_code",
      "q.stratified_date",
      "q.mental_health_severity",
      "q.co_occurring_severity",
      "q.quadrant",
      "q.note",
    ])
    .where(selectedRecords("q", where))
    .orderBy("q.stratified_date", "desc")
    .orderBy("q.id", "desc");
  return (await q.execute()).map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    siteId: r.site_id,
    siteCode: r.site_code,
    date: r.stratified_date,
    mentalHealthSeverity: r.mental_health_severity as Severity,
    coOccurringSeverity: r.co_occurring_severity as Severity,
    quadrant: r.quadrant as Quadrant,
    note: r.note,
  }));
}
