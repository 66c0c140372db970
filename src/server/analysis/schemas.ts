import { z } from "zod";
import { GROUPINGS, OUTCOMES, TESTS } from "../../shared/analysis-variables.ts";
import { CivilDate, Id } from "../shared/schemas.ts";

export const ProgrammeParams = z.strictObject({ id: Id });

export const AnalysisQuery = z.strictObject({
  outcome: z.enum(OUTCOMES),
  /** Score outcomes: the instrument whose totals are read (e.g. IMRS-CLIENT). */
  instrument: z.string().min(1).max(64).optional(),
  grouping: z.enum(GROUPINGS).default("none"),
  test: z.enum(TESTS),
  /** The reference day (enrolled by then, still active, early window observed); default today. */
  asOf: CivilDate.optional(),
});
export type AnalysisQueryInput = z.input<typeof AnalysisQuery>;

const Summary = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  /** Null for viewers (a single patient's value). */
  min: z.number().nullable(),
  max: z.number().nullable(),
});

const Row = z.object({
  /** The group's key (site code, service kind, sex, band…); null: every group together. */
  key: z.string().nullable(),
  n: z.number().int().nullable(),
  percent: z.number().nullable(),
  suppressed: z.boolean(),
  summary: Summary.nullable(),
  second: Summary.nullable(),
  difference: Summary.nullable(),
  categories: z
    .array(z.object({ value: z.string(), count: z.number().int(), percent: z.number() }))
    .nullable(),
});

const Params = z.record(z.string(), z.union([z.number(), z.string()]));

const TestAnswer = z.union([
  z.object({
    ok: z.literal(true),
    test: z.string(),
    statistic: z.number(),
    df: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional(),
    p: z.number(),
    effect: z
      .object({ name: z.string(), value: z.number(), ci: z.tuple([z.number(), z.number()]).optional() })
      .optional(),
    estimate: z
      .object({ name: z.string(), value: z.number(), ci: z.tuple([z.number(), z.number()]) })
      .optional(),
    n: z.number().int(),
    notes: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), test: z.string(), reason: z.string(), params: Params }),
]);

export const AnalysisResult = z.object({
  programmeId: z.number().int(),
  request: z.object({
    outcome: z.enum(OUTCOMES),
    instrument: z.string().nullable(),
    grouping: z.enum(GROUPINGS),
    test: z.enum(TESTS),
    asOf: z.string(),
  }),
  outcomeKind: z.enum(["numeric", "categorical", "pair"]),
  /** The sites analysed (null: every site of the programme) and whether small cells are hidden. */
  scope: z.object({ siteIds: z.array(z.number().int()).nullable(), suppressSmallCells: z.boolean() }),
  rows: z.array(Row),
  tests: z.array(z.object({ group: z.string().nullable(), result: TestAnswer })),
  excluded: z.object({
    missingGroup: z.number().int().nullable(),
    missingOutcome: z.number().int().nullable(),
  }),
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;

export const PresetList = z.object({
  presets: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      description: z.string(),
      outcome: z.enum(OUTCOMES),
      instrument: z.string().nullable(),
      grouping: z.enum(GROUPINGS),
      test: z.enum(TESTS),
    }),
  ),
});
