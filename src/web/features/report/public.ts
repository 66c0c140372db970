/**
 * What other web features may use of report (ARCHITECTURE.md, "Import rules"): they import this file,
 * never the feature's other files.
 */
export { lastTwelveMonths } from "./period.ts";
export { ReportMenu } from "./report-menu.tsx";
