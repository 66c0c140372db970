import { z } from "zod";
import { Band, Text } from "../schemas.ts";

const Option = z.object({ value: z.number(), label: z.string().nullable() });

export const InstrumentSummary = z.object({
  code: z.string(),
  name: z.string(),
  version: z.string(),
  respondents: z.array(z.enum(["patient", "clinician", "family"])),
  textsIncluded: z.boolean(),
  /** A licensed wording has been loaded by this service. */
  wordingLoaded: z.boolean(),
  total: z.object({ min: z.number(), max: z.number(), method: z.string() }).nullable(),
  items: z.number().int(),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const InstrumentDetail = InstrumentSummary.extend({
  instructions: z.string().nullable(),
  source: z.string(),
  licenceNotice: z.string(),
  loinc: z.object({ panel: z.string().nullable(), total: z.string().nullable() }),
  higherIsBetter: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      /** The shipped text, or the service's licensed wording, or null (score entry only). */
      text: z.string().nullable(),
      options: z.array(Option),
      reversed: z.boolean(),
      loinc: z.string().nullable(),
    }),
  ),
  itemCount: z.number().int(),
  subscales: z.array(z.object({ code: z.string(), name: z.string(), items: z.array(z.string()) })),
  bands: z.array(Band.extend({ min: z.number() })),
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
  reliableChange: z.object({ points: z.number(), source: z.string() }).nullable(),
  notes: z.array(z.string()),
});
export type InstrumentDetail = z.infer<typeof InstrumentDetail>;

/** A service's licensed wording for a score-only instrument. */
export const WordingBody = z.strictObject({
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, "a language tag such as en or it")
    .default("en"),
  instructions: Text(2000).optional(),
  /** Item id → its wording. */
  items: z.record(
    z.string().min(1).max(32),
    Text(2000).refine((s) => s.length > 0, "required"),
  ),
  /** Item id → answer value (as text) → its wording. */
  options: z
    .record(z.string().min(1).max(32), z.record(z.string().regex(/^-?\d+$/, "an answer value"), Text(500)))
    .default({}),
  /** Who holds the licence, and its terms. */
  licenceNote: Text(1000).refine((s) => s.length > 0, "required"),
});
export type WordingBody = z.infer<typeof WordingBody>;
export type WordingBodyInput = z.input<typeof WordingBody>;

export const Wording = z.object({
  instrument: z.string(),
  language: z.string(),
  version: z.number().int(),
  licenceNote: z.string(),
  updatedAt: z.string(),
});
export type Wording = z.infer<typeof Wording>;
