/**
 * What other web features may use of indicators (ARCHITECTURE.md, "Import rules"): they import this file,
 * never the feature's other files.
 */
export { useDefinitions, useIndicators } from "./api.ts";
export { useFormat } from "./format.ts";
export { useIndicatorText } from "./labels.ts";
export { BREAKDOWNS, type Breakdown } from "./types.ts";
