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
export type ProgrammeParameters = z.infer<typeof ProgrammeParameters>;

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

const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;

/**
 * A target on one indicator (built-in or the programme's own) for the whole programme
 * (`siteId` null: the programme row) or for one of its sites. Ratios are fractions, like their
 * values (0.8 = 80 %). How a row's target is chosen: indicators/targets.ts.
 */
export const IndicatorTarget = z.object({
  indicatorId: z.string(),
  siteId: z.number().int().nullable(),
  value: z.number(),
  direction: z.enum(DIRECTIONS),
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
  /** Targets set on indicators, by indicator id, then the programme-wide one before the sites'. */
  targets: z.array(IndicatorTarget),
  /** Optimistic-locking version: send it back as `baseVersion` when changing the programme. */
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type Programme = z.infer<typeof Programme>;
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
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

const SiteLink = z.strictObject({
  siteId: Id,
  targetEnrolment: z.number().int().min(0).max(100000).nullable().default(null),
});

const TargetLink = z.strictObject({
  indicatorId: z.string().min(1).max(64),
  siteId: Id.nullable().default(null),
  value: z.number().finite().min(-1e9).max(1e9),
  direction: z.enum(DIRECTIONS),
});

/** At most one target per indicator and site (or programme): the index of each repeat, for its field. */
function targetsDistinct(
  targets: Array<{ indicatorId: string; siteId: number | null }>,
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const key = `${t.indicatorId}|${t.siteId ?? ""}`;
    if (seen.has(key))
      ctx.addIssue({
        code: "custom",
        path: [i, "indicatorId"],
        message: "a target for this indicator and site is already in the list",
        params: { rule: "duplicate" },
      });
    seen.add(key);
  });
}
const Targets = z.array(TargetLink).max(2000).superRefine(targetsDistinct);

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
  /** Targets on the built-in indicators (the programme has no indicators of its own yet). */
  targets: Targets.default([]),
});
export type ProgrammeBodyInput = z.input<typeof ProgrammeBody>;

export const ProgrammeUpdate = z.strictObject({
  baseVersion: z.number().int().positive(),
  name: Name.optional(),
  practiceVersion: z.number().int().positive().optional(),
  /** Merged into the stored parameters, field by field. */
  parameters: ProgrammeParametersPatch.optional(),
  /** Replace the stored phases / sites (send the whole set). */
  phases: z.array(Phase).max(3).refine(phasesDistinct, "each phase at most once").optional(),
  sites: z.array(SiteLink).max(1000).refine(sitesDistinct, "each site at most once").optional(),
  /**
   * Replace the stored targets (send the whole set). Without it the targets stay, except those of
   * sites the change takes out of the programme.
   */
  targets: Targets.optional(),
});
export type ProgrammeUpdateInput = z.input<typeof ProgrammeUpdate>;
