import { z } from "zod";
import { PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import { PHASES } from "../../shared/vocabulary.ts";
import { CivilDate, Code, Id, Name } from "../shared/schemas.ts";

export { PHASES };

const AgeBandLabel = z.string().min(1).max(20);
const Age = z.number().int().min(0).max(120);
const DiagnosisPrefix = z
  .string()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{0,4})?$/, "an ICD-10 code or prefix, e.g. F60.3");

/** Programme parameters of INDICATORS.md, each field without its default. */
const parameterFields = {
  targetEnrolmentPerSite: z.number().int().min(0).max(100000),
  ageBand: z.strictObject({ min: Age, max: Age }).refine((b) => b.min <= b.max, {
    message: "min must not exceed max",
    path: ["min"],
    params: { rule: "min_above_max" },
  }),
  targetDiagnoses: z.array(DiagnosisPrefix).max(50),
  intensiveThreshold: z.number().int().min(1).max(1000),
  earlyWindowDays: z.number().int().min(1).max(3650),
  newToServiceDays: z.number().int().min(1).max(36500),
  /** Age bands for breakdowns: each band from `min` (inclusive) to `max` (inclusive, null = open). */
  breakdownAgeBands: z
    .array(
      z
        .strictObject({ label: AgeBandLabel, min: Age.nullable(), max: Age.nullable() })
        .refine((b) => b.min === null || b.max === null || b.min <= b.max, {
          message: "min must not exceed max",
          path: ["min"],
          params: { rule: "min_above_max" },
        }),
    )
    .max(20),
};

/** The defaults of INDICATORS.md (shared/programme-defaults.ts), checked against the fields. */
PARAMETER_DEFAULTS satisfies z.infer<z.ZodObject<typeof parameterFields>>;

/** Programme parameters of INDICATORS.md, with its defaults (for a whole field, and for the whole object). */
export const ProgrammeParameters = z
  .strictObject({
    targetEnrolmentPerSite: parameterFields.targetEnrolmentPerSite.default(
      PARAMETER_DEFAULTS.targetEnrolmentPerSite,
    ),
    ageBand: parameterFields.ageBand.default(PARAMETER_DEFAULTS.ageBand),
    targetDiagnoses: parameterFields.targetDiagnoses.default(PARAMETER_DEFAULTS.targetDiagnoses),
    intensiveThreshold: parameterFields.intensiveThreshold.default(PARAMETER_DEFAULTS.intensiveThreshold),
    earlyWindowDays: parameterFields.earlyWindowDays.default(PARAMETER_DEFAULTS.earlyWindowDays),
    newToServiceDays: parameterFields.newToServiceDays.default(PARAMETER_DEFAULTS.newToServiceDays),
    breakdownAgeBands: parameterFields.breakdownAgeBands.default(PARAMETER_DEFAULTS.breakdownAgeBands),
  })
  .default(PARAMETER_DEFAULTS);

/**
 * Parameters in a PATCH: only the fields sent change, the others keep their stored values. No
 * defaults here, on purpose: a default would silently overwrite a stored value the user never sent.
 */
export const ProgrammeParametersPatch = z.strictObject(parameterFields).partial();

export const Phase = z
  .strictObject({ phase: z.enum(PHASES), startDate: CivilDate, endDate: CivilDate.nullable().default(null) })
  .refine((p) => p.endDate === null || p.endDate >= p.startDate, {
    message: "endDate must be on or after startDate",
    path: ["endDate"],
    params: { rule: "end_before_start" },
  });

export const ProgrammeSite = z.object({
  siteId: z.number().int(),
  code: z.string(),
  name: z.string(),
  targetEnrolment: z.number().int().nullable(),
});

export const Programme = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionId: z.number().int(),
  practice: z.object({ id: z.number().int(), code: z.string(), name: z.string(), version: z.number().int() }),
  parameters: ProgrammeParameters,
  phases: z.array(z.object({ phase: z.enum(PHASES), startDate: z.string(), endDate: z.string().nullable() })),
  sites: z.array(ProgrammeSite),
  /** Optimistic-locking version: send it back as `baseVersion` when changing the programme. */
  version: z.number().int(),
  canEdit: z.boolean(),
});
export const ProgrammeSummary = Programme.pick({
  id: true,
  code: true,
  name: true,
  regionId: true,
  practice: true,
}).extend({
  siteCount: z.number().int(),
  currentPhase: z.enum(PHASES).nullable(),
});

const SiteLink = z.strictObject({
  siteId: Id,
  targetEnrolment: z.number().int().min(0).max(100000).nullable().default(null),
});

function phasesDistinct(phases: Array<{ phase: string }>) {
  return new Set(phases.map((p) => p.phase)).size === phases.length;
}
function sitesDistinct(sites: Array<{ siteId: number }>) {
  return new Set(sites.map((s) => s.siteId)).size === sites.length;
}

export const ProgrammeBody = z.strictObject({
  code: Code,
  name: Name,
  regionId: Id,
  practiceId: Id,
  /** Defaults to the practice's current version. */
  practiceVersion: z.number().int().positive().optional(),
  parameters: ProgrammeParameters,
  phases: z.array(Phase).max(3).default([]).refine(phasesDistinct, "each phase at most once"),
  sites: z.array(SiteLink).max(1000).default([]).refine(sitesDistinct, "each site at most once"),
});

export const ProgrammeUpdate = z.strictObject({
  baseVersion: z.number().int().positive(),
  name: Name.optional(),
  practiceVersion: z.number().int().positive().optional(),
  /** Merged into the stored parameters, field by field. */
  parameters: ProgrammeParametersPatch.optional(),
  /** Replace the stored phases / sites (send the whole set). */
  phases: z.array(Phase).max(3).refine(phasesDistinct, "each phase at most once").optional(),
  sites: z.array(SiteLink).max(1000).refine(sitesDistinct, "each site at most once").optional(),
});
