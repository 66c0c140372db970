/**
 * What other capabilities may use of practices (tests/architecture/server-imports.test.ts): a
 * practice definition's shape and the base taxonomy every practice starts from.
 */
export { BASE_TAXONOMY, PracticeDefinition } from "./schemas.ts";
