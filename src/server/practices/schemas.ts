import { z } from "zod";
import { BASE_TAXONOMY } from "../../shared/vocabulary.ts";
import { Code, Name } from "../shared/schemas.ts";

export { BASE_TAXONOMY };

/**
 * A practice is versioned data: every change to its definition makes a new version, and a
 * programme names the version it implements.
 */
export const Module = z.strictObject({ code: Code, name: Name });
export const Component = z.strictObject({
  code: Code,
  name: Name,
  modules: z.array(Module).max(100).default([]),
});
export const InterventionType = z.strictObject({
  code: Code,
  /** The label in the practice's own language; shown where `labels` has none for the reader's. */
  label: Name,
  /** The label in each language of the app, where it differs ("IMR session" / "Sessione IMR"). */
  labels: z.strictObject({ en: Name.optional(), it: Name.optional() }).optional(),
  psychosocial: z.boolean(),
});
export const Eligibility = z
  .strictObject({
    ageMin: z.number().int().min(0).max(120).nullable().default(null),
    ageMax: z.number().int().min(0).max(120).nullable().default(null),
    targetDiagnoses: z
      .array(z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{0,4})?$/, "an ICD-10 code or prefix, e.g. F60.3"))
      .max(50)
      .default([]),
    newToServiceDays: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .refine((e) => e.ageMin === null || e.ageMax === null || e.ageMin <= e.ageMax, {
    message: "ageMin must not exceed ageMax",
    path: ["ageMin"],
  });

export const PracticeDefinition = z.strictObject({
  description: z.string().max(5000).default(""),
  components: z.array(Component).max(50).default([]),
  /** Practice-specific intervention types, added to the base taxonomy of EXCHANGE-FORMAT.md. */
  interventionTypes: z.array(InterventionType).max(100).default([]),
  eligibility: Eligibility.default({
    ageMin: null,
    ageMax: null,
    targetDiagnoses: [],
    newToServiceDays: null,
  }),
});
export type PracticeDefinition = z.infer<typeof PracticeDefinition>;

export const Practice = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  definition: PracticeDefinition,
  updatedAt: z.string(),
});
export type Practice = z.infer<typeof Practice>;
export const PracticeSummary = Practice.omit({ definition: true });
export type PracticeSummary = z.infer<typeof PracticeSummary>;
export const PracticeVersion = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  definition: PracticeDefinition,
});
export type PracticeVersion = z.infer<typeof PracticeVersion>;

export const PracticeBody = z.strictObject({ code: Code, name: Name, definition: PracticeDefinition });
export type PracticeBodyInput = z.input<typeof PracticeBody>;
/** Saving a definition makes a new version; `baseVersion` guards against overwriting a newer one. */
export const PracticeUpdate = z.strictObject({
  name: Name.optional(),
  definition: PracticeDefinition,
  baseVersion: z.number().int().positive(),
});
export type PracticeUpdateInput = z.input<typeof PracticeUpdate>;
