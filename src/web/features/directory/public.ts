/**
 * What other web features may use of the directory (ARCHITECTURE.md, "Import rules"): the list of
 * a region's services, for choosing where a patient is referred.
 */
export { useDirectoryServices } from "./api.ts";
