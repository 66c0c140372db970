import type { Selectable } from "kysely";
import type { z } from "zod";
import type { MeasureAdministrationTable } from "../../infra/db/schema.ts";
import type { ScoreResult } from "../instruments/score.ts";
import type { Administration } from "./schemas.ts";

type Row = Selectable<MeasureAdministrationTable> & { code: string; total_score: number | null };
type Out = z.infer<typeof Administration>;

/** Row → API mapper: the only place that knows both shapes. */
export const administrationRowToAdministration = (r: Row): Out => ({
  id: r.id,
  code: r.code,
  patientId: r.patient_id,
  instrument: r.instrument,
  instrumentVersion: r.instrument_version,
  date: r.date,
  timepoint: r.timepoint as Out["timepoint"],
  respondent: r.respondent as Out["respondent"],
  entry: r.entry as Out["entry"],
  answers: r.answers,
  total: r.total_score === null ? null : Number(r.total_score),
  result: r.result as ScoreResult,
  createdAt: new Date(r.created_at).toISOString(),
});
