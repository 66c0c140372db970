/** The roles of a grant (who may do what: server/core/access/roles.ts), shared with the web app. */
export type Role = "administrator" | "regional_coordinator" | "site_coordinator" | "clinician" | "viewer";

export const ROLES: readonly Role[] = [
  "administrator",
  "regional_coordinator",
  "site_coordinator",
  "clinician",
  "viewer",
];
