import { z } from "zod";
import { Id } from "../../shared/schemas.ts";
import { CareDate, ItemAnswers, RESPONDENTS, ScoreResult, TIMEPOINTS } from "../schemas.ts";

export const AdministrationBody = z.strictObject({
  instrument: z.string().min(1, "required").max(64),
  date: CareDate,
  timepoint: z.enum(TIMEPOINTS),
  respondent: z.enum(RESPONDENTS),
  /** Item-level entry: item id → answer value. */
  items: ItemAnswers.optional(),
  /** Total-only entry. */
  totalScore: z.number({ error: "a number" }).optional(),
});
export type AdministrationBody = z.infer<typeof AdministrationBody>;
export type AdministrationBodyInput = z.input<typeof AdministrationBody>;

export const Administration = z.object({
  id: z.number().int(),
  /** The code of its `assessments` row (exchange format). */
  code: z.string(),
  patientId: z.number().int(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  date: z.string(),
  timepoint: z.enum(TIMEPOINTS),
  respondent: z.enum(RESPONDENTS),
  entry: z.enum(["items", "total"]),
  answers: z.record(z.string(), z.number().nullable()).nullable(),
  total: z.number().nullable(),
  result: ScoreResult,
  createdAt: z.string(),
});
export type Administration = z.infer<typeof Administration>;

export const AdministrationList = z.object({ items: z.array(Administration) });
export type AdministrationList = z.infer<typeof AdministrationList>;

export const AdministrationQuery = z.strictObject({ instrument: z.string().max(64).optional() });

export const PatientParams = z.strictObject({ id: Id });
