import { z } from "zod";
import { Id } from "../../shared/schemas.ts";
import { CareDate, Text } from "../schemas.ts";

export const IMR_FORMATS = ["individual", "group", "mixed"] as const;
/** The 11 modules of the current IMR curriculum (Gingerich & Mueser 2011), as the registry codes them. */
export const ImrModule = z.string().regex(/^IMR-(1[01]|[1-9])$/, "an IMR module code IMR-1 … IMR-11");

const Fields = {
  startDate: CareDate.nullable(),
  stopDate: CareDate.nullable(),
  serviceId: z.number().int().nullable(),
  format: z.enum(IMR_FORMATS).nullable(),
  manualVersion: z.string().nullable(),
  sessions: z.number().int().nullable(),
  modules: z.array(z.string()),
};

export const ImrSummaryQuery = z.strictObject({ siteId: Id });

export const ImrSummaryBody = z.strictObject({
  siteId: Id,
  /** Each field left out takes the value derived from the registry. */
  startDate: CareDate.optional(),
  stopDate: CareDate.nullable().optional(),
  serviceId: Id.nullable().optional(),
  format: z.enum(IMR_FORMATS).optional(),
  manualVersion: Text(100).nullable().optional(),
  sessions: z.number().int("a whole number").min(0, "0 or more").max(1000, "at most 1000").optional(),
  modules: z
    .array(ImrModule)
    .max(11)
    .refine((m) => new Set(m).size === m.length, "each module at most once")
    .optional(),
});
export type ImrSummaryBody = z.infer<typeof ImrSummaryBody>;
export type ImrSummaryBodyInput = z.input<typeof ImrSummaryBody>;

export const ImrSummary = z.object({
  patientId: z.number().int(),
  siteId: z.number().int(),
  /** What the registry says: IMR interventions (module IMR-n or an IMR group) at this site. */
  derived: z.object({
    startDate: z.string().nullable(),
    stopDate: z.string().nullable(),
    sessions: z.number().int(),
    modules: z.array(z.string()),
    format: z.enum(IMR_FORMATS).nullable(),
  }),
  /** The form as the provider completed it; null until saved. */
  saved: z.object({ ...Fields, version: z.number().int(), updatedAt: z.string() }).nullable(),
  /** The saved form where filled in, the derived values elsewhere. */
  summary: z.object(Fields),
});
export type ImrSummary = z.infer<typeof ImrSummary>;
