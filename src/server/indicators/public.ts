/**
 * What other capabilities may use of the indicators (tests/architecture/server-imports.test.ts):
 * the values with their targets (home), the definitions a target may name and the range of a
 * target (programmes), the vocabulary of kinds and directions, a programme's context (analysis)
 * and its computed indicators (FHIR MeasureReports).
 */
export { DIRECTIONS, type IndicatorDefinition, KINDS } from "./definition.ts";
export { valuesWithTargets } from "./read/with-targets.ts";
export {
  BUILT_IN,
  computeProgrammeIndicators,
  type IndicatorRecord,
  loadProgrammeContext,
  loadUserDefinitions,
  type ProgrammeContext,
} from "./service.ts";
export { targetRange } from "./targets.ts";
