/**
 * What other capabilities may use of the exchange (tests/architecture/server-imports.test.ts):
 * who may export a programme and which patients an export covers (the FHIR export uses the same
 * rule and scope as the CSV extract), and the zip writer of the export files.
 */
export { exportScope } from "./export.ts";
export { exportableProgramme } from "./export-programme.ts";
export { zipFiles } from "./export-zip.ts";
