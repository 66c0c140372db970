/**
 * What other web features may use of offers (ARCHITECTURE.md, "Import rules"): they import this file,
 * never the feature's other files.
 */
export { useUptake } from "./api.ts";
