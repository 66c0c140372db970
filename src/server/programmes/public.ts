/**
 * What other capabilities may use of programmes (tests/architecture/server-imports.test.ts): the
 * shape of a programme's parameters (the INDICATORS.md defaults live in it).
 */
export { ProgrammeParameters } from "./schemas.ts";
