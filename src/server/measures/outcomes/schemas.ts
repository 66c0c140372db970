import { z } from "zod";
import { Id } from "../../shared/schemas.ts";
import { Band, RESPONDENTS, TIMEPOINTS } from "../schemas.ts";

const Change = z.object({
  from: z.object({ date: z.string(), total: z.number() }),
  to: z.object({ date: z.string(), total: z.number() }),
  change: z.number(),
  /** Jacobson–Truax index; null when the instrument publishes no reliability figure. */
  index: z.number().nullable(),
  threshold: z.number().nullable(),
  direction: z.enum(["improved", "deteriorated", "no_reliable_change"]).nullable(),
});

export const PatientOutcomes = z.object({
  patientId: z.number().int(),
  instruments: z.array(
    z.object({
      instrument: z.string(),
      name: z.string(),
      range: z.object({ min: z.number(), max: z.number() }).nullable(),
      higherIsBetter: z.boolean(),
      bands: z.array(Band.extend({ min: z.number() })),
      reliableChangeSource: z.string().nullable(),
      points: z.array(
        z.object({
          assessmentId: z.number().int(),
          administrationId: z.number().int().nullable(),
          date: z.string(),
          timepoint: z.enum(TIMEPOINTS).nullable(),
          respondent: z.enum(RESPONDENTS),
          total: z.number().nullable(),
          band: Band.nullable(),
          flags: z.array(z.string()),
        }),
      ),
      /** First scored total → latest scored total, per respondent. */
      changes: z.array(Change.extend({ respondent: z.enum(RESPONDENTS) })),
    }),
  ),
});
export type PatientOutcomes = z.infer<typeof PatientOutcomes>;

export const ImrsComparison = z.object({
  patientId: z.number().int(),
  pairs: z.array(
    z.object({
      timepoint: z.enum(TIMEPOINTS).nullable(),
      client: z.object({ date: z.string(), total: z.number(), mean: z.number() }),
      clinician: z.object({ date: z.string(), total: z.number(), mean: z.number() }),
      /** client − clinician. */
      difference: z.number(),
      /** Item by item, when both were entered item by item. */
      items: z
        .array(
          z.object({
            id: z.string(),
            topic: z.string(),
            client: z.number().nullable(),
            clinician: z.number().nullable(),
            difference: z.number().nullable(),
          }),
        )
        .nullable(),
    }),
  ),
});
export type ImrsComparison = z.infer<typeof ImrsComparison>;

export const ProgrammeOutcomesQuery = z.strictObject({
  instrument: z.string().min(1).max(64),
  respondent: z.enum(RESPONDENTS).optional(),
});

const PrePostRow = z.object({
  /** Patients with a baseline and a later follow-up or end total. */
  n: z.number().int().nullable(),
  baselineMean: z.number().nullable(),
  latestMean: z.number().nullable(),
  meanChange: z.number().nullable(),
  sdChange: z.number().nullable(),
  reliablyImproved: z.number().int().nullable(),
  reliablyDeteriorated: z.number().int().nullable(),
  /** Small cell (1–4 patients) hidden from this user. */
  suppressed: z.boolean(),
});

export const ProgrammeOutcomes = z.object({
  programmeId: z.number().int(),
  instrument: z.string(),
  higherIsBetter: z.boolean(),
  reliableChangeThreshold: z.number().nullable(),
  sites: z.array(PrePostRow.extend({ siteId: z.number().int(), siteCode: z.string(), siteName: z.string() })),
  programme: PrePostRow,
});
export type ProgrammeOutcomes = z.infer<typeof ProgrammeOutcomes>;

const CorrelationRow = z.object({
  n: z.number().int().nullable(),
  clientMean: z.number().nullable(),
  clinicianMean: z.number().nullable(),
  r: z.number().nullable(),
  pValue: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  suppressed: z.boolean(),
});

export const ImrsCorrelation = z.object({
  programmeId: z.number().int(),
  method: z.string(),
  sites: z.array(
    CorrelationRow.extend({ siteId: z.number().int(), siteCode: z.string(), siteName: z.string() }),
  ),
  programme: CorrelationRow,
});
export type ImrsCorrelation = z.infer<typeof ImrsCorrelation>;

export const ProgrammeParams = z.strictObject({ id: Id });
