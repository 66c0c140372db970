/**
 * What other capabilities may use of the registry (tests/architecture/server-imports.test.ts):
 * the site worklists the home page summarises. Patient-level access rules are in core/access.
 */
export { WorklistItem } from "./schemas.ts";
export { siteWorklists } from "./site-worklists.ts";
