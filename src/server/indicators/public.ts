/**
 * What other capabilities may use of the indicators (tests/architecture/server-imports.test.ts):
 * the values with their targets through the per-server cache (home), the definitions a target may name and the range of a
 * target (programmes), the vocabulary of kinds and directions, a programme's context (analysis)
 * and its computed indicators (FHIR MeasureReports), and the reads the monitoring report draws
 * from (values, series, who sees every count).
 */

export { seesEverything } from "./access.ts";
export { monthlyAsOfs } from "./dates.ts";
export { DIRECTIONS, type IndicatorDefinition, KINDS } from "./definition.ts";
export { InterventionCapture } from "./facts/import-pass.ts";
export { rebuildEveryProgramme, rebuildFactsAfterLoad } from "./facts/import-rebuild.ts";
export { SMALL_SITE_DEFAULT } from "./present.ts";
export { loadView } from "./programme-view.ts";
export { indicatorSeries, MAX_SERIES_POINTS } from "./read/series.ts";
export { indicatorValues } from "./read/values.ts";
export { type IndicatorCache, indicatorCache } from "./read-cache.ts";
export {
  BUILT_IN,
  computeProgrammeIndicators,
  type IndicatorRecord,
  loadProgrammeContext,
  loadUserDefinitions,
  type ProgrammeContext,
} from "./service.ts";
export { targetRange } from "./targets.ts";
