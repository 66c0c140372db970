/**
 * What other web features may use of registry (ARCHITECTURE.md, "Import rules"): they import this file,
 * never the feature's other files.
 */
export { useFormatDate } from "./dates.ts";
