/** What other capabilities may use of structure (tests/architecture/server-imports.test.ts): finding a site. */
export { findSite } from "./repository.ts";
