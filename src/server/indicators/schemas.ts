import { z } from "zod";
import { CivilDate, Id } from "../shared/schemas.ts";
import { DIMENSIONS } from "./compile.ts";
import { DIRECTIONS, KINDS } from "./definition.ts";

/** API shapes of the indicators capability. Definitions travel as JSON validated by definition.ts. */

export const ProgrammeParams = z.strictObject({ id: Id });
export const IndicatorParams = z.strictObject({ id: Id, indicatorId: z.string().min(1).max(64) });

const Threshold = z.coerce.number().int("a whole number").min(1).max(100000).default(5);

export const IndicatorsQuery = z.strictObject({
  asOf: CivilDate.optional(),
  /** Comma-separated indicator ids; default every indicator of the programme. */
  ids: z.string().max(5000).optional(),
  smallSiteThreshold: Threshold,
});
export const BreakdownQuery = z.strictObject({
  by: z.enum(DIMENSIONS).default("site"),
  asOf: CivilDate.optional(),
  smallSiteThreshold: Threshold,
});
export const SeriesQuery = z.strictObject({
  from: CivilDate.optional(),
  to: CivilDate.optional(),
  smallSiteThreshold: Threshold,
});

const Num = z.number().nullable();

const TARGET_SOURCES = ["site", "programme", "definition", "sites"] as const;

export const IndicatorMeta = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  kind: z.enum(KINDS),
  /**
   * The programme row's target (parameters resolved), or null. Ratios are fractions (0.8 = 80 %),
   * like their values. How it is chosen: indicators/targets.ts and docs/indicators.md.
   */
  target: Num,
  /** The programme row target's direction (without a target: the definition's). */
  direction: z.enum(DIRECTIONS).nullable(),
  /**
   * Where the programme row's target comes from: set for the programme, the definition's own,
   * or (counts) the sum of the sites' targets; null without one.
   */
  targetSource: z.enum(TARGET_SOURCES).nullable(),
  /** Each site row's target, for the sites that have one (a site's own target wins for its row). */
  siteTargets: z.array(
    z.object({
      site: z.string(),
      target: z.number(),
      direction: z.enum(DIRECTIONS).nullable(),
      source: z.enum(TARGET_SOURCES),
    }),
  ),
  source: z.string(),
  builtIn: z.boolean(),
  /**
   * "facts": computed from the indicator facts maintained as data changes (fresh after every
   * write); "records": its record sets are not among the facts, so it is recomputed from the
   * records (and cached until the data changes).
   */
  computedFrom: z.enum(["facts", "records"]),
});
export type IndicatorMeta = z.infer<typeof IndicatorMeta>;

const CellFields = {
  numerator: Num,
  denominator: Num,
  value: Num,
  suppressed: z.boolean(),
  smallSite: z.boolean(),
};

export const ApiRecord = z.object({
  id: z.string(),
  site: z.string().nullable(),
  ...CellFields,
  /** This row's target (the site's, or the programme's on the programme row), or null. */
  target: Num,
  /** Whether the value reaches the target in its direction; null: no value, no target or no direction. */
  targetMet: z.boolean().nullable(),
});
export type ApiRecord = z.infer<typeof ApiRecord>;

const ProgrammeRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const SiteRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  registered: z.boolean(),
});

export const IndicatorsResponse = z.object({
  programme: ProgrammeRef,
  asOf: z.string(),
  /** True when small cells were suppressed (the caller sees aggregates only). */
  suppression: z.boolean(),
  smallSiteThreshold: z.number().int(),
  sites: z.array(SiteRef),
  definitions: z.array(IndicatorMeta),
  pinned: z.array(z.string()),
  indicators: z.array(ApiRecord),
});
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

export const BreakdownGroup = z.object({
  /** Site or area code, sex, age-band label, YYYY-MM, YYYY-Qn or YYYY; null: no value (no area, no band). */
  key: z.string().nullable(),
  label: z.string(),
  ...CellFields,
});
export const BreakdownResponse = z.object({
  programme: ProgrammeRef,
  asOf: z.string(),
  by: z.enum(DIMENSIONS),
  suppression: z.boolean(),
  definition: IndicatorMeta,
  groups: z.array(BreakdownGroup),
  total: z.object(CellFields),
});
export type BreakdownResponse = z.infer<typeof BreakdownResponse>;

export const SeriesResponse = z.object({
  programme: ProgrammeRef,
  from: z.string(),
  to: z.string(),
  suppression: z.boolean(),
  definition: IndicatorMeta,
  /** The reference dates: the last day of each month, the last one capped at `to`. */
  asOfs: z.array(z.string()),
  series: z.array(
    z.object({
      site: z.string().nullable(),
      points: z.array(z.object({ asOf: z.string(), ...CellFields })),
    }),
  ),
});
export type SeriesResponse = z.infer<typeof SeriesResponse>;

export const StoredDefinitionOut = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  /** Optimistic-locking version of a user definition (built-ins: 0). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  meta: IndicatorMeta,
  /** The definition in the language of definition.ts (see docs/indicators.md). */
  definition: z.unknown(),
});
export type StoredDefinitionOut = z.infer<typeof StoredDefinitionOut>;
export const DefinitionList = z.object({ definitions: z.array(StoredDefinitionOut) });

export const DefinitionBody = z.strictObject({ definition: z.unknown() });
export const DefinitionUpdate = z.strictObject({
  definition: z.unknown(),
  baseVersion: z.number().int().positive(),
});
export const PreviewBody = z.strictObject({ definition: z.unknown(), asOf: CivilDate.optional() });
export const PreviewResponse = z.object({
  programme: ProgrammeRef,
  asOf: z.string(),
  definition: IndicatorMeta,
  indicators: z.array(ApiRecord),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const Pins = z.object({ indicatorIds: z.array(z.string()) });
export const PinsBody = z.strictObject({
  indicatorIds: z
    .array(z.string().min(1).max(64))
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, "each indicator at most once"),
});

/** The built-in catalogue, without a programme: to choose targets for a programme being created. */
export const CatalogueResponse = z.object({
  definitions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      description: z.string(),
      kind: z.enum(KINDS),
      /** The direction that makes a value better (the default of a target's). */
      direction: z.enum(DIRECTIONS).nullable(),
      builtIn: z.literal(true),
    }),
  ),
});
