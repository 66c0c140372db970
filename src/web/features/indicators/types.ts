/**
 * The indicator API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type { Dimension } from "../../../server/indicators/compile.ts";
import type {
  IndicatorMeta,
  ApiRecord as IndicatorRecord,
  IndicatorsResponse,
} from "../../../server/indicators/schemas.ts";

export type {
  ApiRecord as IndicatorRecord,
  BreakdownResponse,
  IndicatorMeta,
  IndicatorsResponse,
  PreviewResponse,
  SeriesResponse,
  StoredDefinitionOut as StoredDefinition,
} from "../../../server/indicators/schemas.ts";

export type ProgrammeSite = IndicatorsResponse["sites"][number];

/** What every number of the dashboard is: one cell of the result contract. */
export type Cell = Pick<IndicatorRecord, "numerator" | "denominator" | "value" | "suppressed" | "smallSite">;

/** The breakdown dimensions of the API (compile.ts DIMENSIONS, checked by the type). */
export const BREAKDOWNS = [
  "site",
  "area",
  "sex",
  "age_band",
  "enrolment_month",
  "enrolment_quarter",
  "enrolment_year",
] as const satisfies readonly Dimension[];
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Only indicators over enrolments break down by patient fields; the others by site and area. */
export function supportsBreakdown(meta: IndicatorMeta, by: Breakdown): boolean {
  return meta.source === "enrolments" || by === "site" || by === "area";
}
