/**
 * What other capabilities may use of the registry (tests/architecture/server-imports.test.ts):
 * the site worklists the home page summarises. Patient-level access rules are in core/access.
 */

/**
 * The intervention catalogue and its checks: a missed appointment (pathways) names a type of it.
 * Enrolments with their programme and site codes: pathways lists a patient's coordinators by them.
 * A site's open enrolments that the user sees: pathways lists the disengaged patients among them.
 */
export { catalogueIssues, enrolmentsWithCodes, loadCatalogue, openEnrolmentsSeen } from "./repository.ts";
export { WorklistItem } from "./schemas.ts";
export { siteWorklists } from "./site-worklists.ts";
