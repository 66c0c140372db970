/**
 * What other web features may use of exchange (ARCHITECTURE.md, "Import rules"): they import this file,
 * never the feature's other files.
 */
export { ImportsNav } from "./imports-nav.tsx";
