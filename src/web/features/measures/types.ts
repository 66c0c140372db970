/**
 * The measures API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type {
  AdministrationBody as AdministrationBodySchema,
  AdministrationList as AdministrationListSchema,
  Administration as AdministrationSchema,
} from "../../../server/measures/administrations/schemas.ts";
import type {
  ActionPlanBody as ActionPlanBodySchema,
  ActionPlanResult as ActionPlanResultSchema,
  Comparison as ComparisonSchema,
  ReviewBody as ReviewBodySchema,
  ReviewHistory as ReviewHistorySchema,
  Review as ReviewSchema,
  ScaleList as ScaleListSchema,
} from "../../../server/measures/fidelity/schemas.ts";
import type {
  ImrSummaryBody as ImrSummaryBodySchema,
  ImrSummary as ImrSummarySchema,
} from "../../../server/measures/imr-summary/schemas.ts";
import type {
  InstrumentDetail as InstrumentDetailSchema,
  InstrumentSummary as InstrumentSummarySchema,
  WordingBody as WordingBodySchema,
  Wording as WordingSchema,
} from "../../../server/measures/instruments/schemas.ts";
import type {
  ImrsComparison as ImrsComparisonSchema,
  ImrsCorrelation as ImrsCorrelationSchema,
  PatientOutcomes as PatientOutcomesSchema,
  ProgrammeOutcomes as ProgrammeOutcomesSchema,
} from "../../../server/measures/outcomes/schemas.ts";
import type { ScoreResult as ScoreResultSchema } from "../../../server/measures/schemas.ts";
import type {
  AttendanceBody as AttendanceBodySchema,
  Attendance as AttendanceSchema,
  CourseBody as CourseBodySchema,
  Course as CourseSchema,
  Funnel as FunnelSchema,
  SupervisionBody as SupervisionBodySchema,
  Supervision as SupervisionSchema,
} from "../../../server/measures/workforce/schemas.ts";

export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;
export type InstrumentDetail = z.infer<typeof InstrumentDetailSchema>;
export type InstrumentItem = InstrumentDetail["items"][number];
export type WordingBody = z.input<typeof WordingBodySchema>;
export type Wording = z.infer<typeof WordingSchema>;
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
export type Administration = z.infer<typeof AdministrationSchema>;
export type AdministrationBody = z.input<typeof AdministrationBodySchema>;
export type AdministrationList = z.infer<typeof AdministrationListSchema>;
export type PatientOutcomes = z.infer<typeof PatientOutcomesSchema>;
export type InstrumentOutcome = PatientOutcomes["instruments"][number];
export type ImrsComparison = z.infer<typeof ImrsComparisonSchema>;
export type ImrsPair = ImrsComparison["pairs"][number];
export type ProgrammeOutcomes = z.infer<typeof ProgrammeOutcomesSchema>;
export type ImrsCorrelation = z.infer<typeof ImrsCorrelationSchema>;
export type ImrSummary = z.infer<typeof ImrSummarySchema>;
export type ImrSummaryBody = z.input<typeof ImrSummaryBodySchema>;
export type FidelityScale = z.infer<typeof ScaleListSchema>[number];
export type ReviewBody = z.input<typeof ReviewBodySchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewHistory = z.infer<typeof ReviewHistorySchema>;
export type ReviewSummary = ReviewHistory["items"][number];
export type Comparison = z.infer<typeof ComparisonSchema>;
export type ActionPlanBody = z.input<typeof ActionPlanBodySchema>;
export type ActionPlanResult = z.infer<typeof ActionPlanResultSchema>;
export type Course = z.infer<typeof CourseSchema>;
export type CourseBody = z.input<typeof CourseBodySchema>;
export type Attendance = z.infer<typeof AttendanceSchema>;
export type AttendanceBody = z.input<typeof AttendanceBodySchema>;
export type Supervision = z.infer<typeof SupervisionSchema>;
export type SupervisionBody = z.input<typeof SupervisionBodySchema>;
export type Funnel = z.infer<typeof FunnelSchema>;
export type FunnelCounts = Funnel["programme"];

export type Timepoint = Administration["timepoint"];
export type Respondent = Administration["respondent"];
export type Band = NonNullable<ScoreResult["band"]>;
