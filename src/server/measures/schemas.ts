import { z } from "zod";
import { RESPONDENTS, TIMEPOINTS } from "../../shared/vocabulary.ts";
import { CivilDate as AnyCivilDate } from "../shared/schemas.ts";

export { RESPONDENTS, TIMEPOINTS };

/** Shapes shared by the measures capability's routes. */

/** A care date: a calendar date from 1900 on (PostgreSQL has no year 0). */
export const CareDate = AnyCivilDate.refine((d) => !/^\d{4}-/.test(d) || d >= "1900-01-01", {
  message: "1900-01-01 or later",
  params: { rule: "too_small", min: "1900-01-01", origin: "date" },
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Free text without control characters. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), "no control characters");
export const Label = (max = 200) =>
  Text(max).refine((s) => s.length > 0, { message: "required", params: { rule: "required" } });

export const Band = z.object({ code: z.string(), label: z.string(), level: z.number().int() });

export const ScoreResult = z.object({
  instrument: z.string(),
  version: z.string(),
  entry: z.enum(["items", "total"]),
  total: z.number().nullable(),
  prorated: z.boolean(),
  unscoredReason: z.string().nullable(),
  meanItemScore: z.number().nullable(),
  answered: z.number().int(),
  missing: z.array(z.string()),
  subscales: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      score: z.number().nullable(),
      prorated: z.boolean(),
      missing: z.array(z.string()),
      band: Band.nullable(),
    }),
  ),
  band: Band.nullable(),
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

/** Item answers: item id → value (null: not answered). */
export const ItemAnswers = z.record(
  z.string().min(1).max(32, "at most 32 characters"),
  z.number({ error: "a number" }).nullable(),
);

/** Item answers or a total, exactly one of them. */
export const ScoreInput = z.strictObject({
  items: ItemAnswers.optional(),
  totalScore: z.number({ error: "a number" }).optional(),
});

export const InstrumentCodeParams = z.strictObject({ code: z.string().min(1).max(64) });
