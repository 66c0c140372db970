/**
 * The measures API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type { Administration } from "../../../server/measures/administrations/schemas.ts";
import type {
  ReviewHistory,
  ScaleList as ScaleListSchema,
} from "../../../server/measures/fidelity/schemas.ts";
import type { InstrumentDetail } from "../../../server/measures/instruments/schemas.ts";
import type { ImrsComparison, PatientOutcomes } from "../../../server/measures/outcomes/schemas.ts";
import type { ScoreResult } from "../../../server/measures/schemas.ts";
import type { Funnel } from "../../../server/measures/workforce/schemas.ts";

export type {
  Administration,
  AdministrationBodyInput as AdministrationBody,
  AdministrationList,
} from "../../../server/measures/administrations/schemas.ts";
export type {
  ActionPlanBodyInput as ActionPlanBody,
  ActionPlanResult,
  Comparison,
  Review,
  ReviewBodyInput as ReviewBody,
  ReviewHistory,
} from "../../../server/measures/fidelity/schemas.ts";
export type {
  ImrSummary,
  ImrSummaryBodyInput as ImrSummaryBody,
} from "../../../server/measures/imr-summary/schemas.ts";
export type {
  InstrumentDetail,
  InstrumentSummary,
  Wording,
  WordingBodyInput as WordingBody,
} from "../../../server/measures/instruments/schemas.ts";
export type {
  ImrsComparison,
  ImrsCorrelation,
  PatientOutcomes,
  ProgrammeOutcomes,
} from "../../../server/measures/outcomes/schemas.ts";
export type { ScoreResult } from "../../../server/measures/schemas.ts";
export type {
  Attendance,
  AttendanceBodyInput as AttendanceBody,
  Course,
  CourseBodyInput as CourseBody,
  Funnel,
  Supervision,
  SupervisionBodyInput as SupervisionBody,
} from "../../../server/measures/workforce/schemas.ts";

export type InstrumentItem = InstrumentDetail["items"][number];
export type InstrumentOutcome = PatientOutcomes["instruments"][number];
export type ImrsPair = ImrsComparison["pairs"][number];
export type FidelityScale = z.infer<typeof ScaleListSchema>[number];
export type ReviewSummary = ReviewHistory["items"][number];
export type FunnelCounts = Funnel["programme"];

export type Timepoint = Administration["timepoint"];
export type Respondent = Administration["respondent"];
export type Band = NonNullable<ScoreResult["band"]>;
