import type { Principal, RoleGrant } from "../../src/server/infra/auth/principal.ts";

/**
 * A signed-in user with these role grants (ids numbered from 1) and regionally coordinated sites,
 * for unit tests of the access rules: nothing else of the principal matters to them.
 */
export const principalWith = (
  grants: Array<Omit<RoleGrant, "id">>,
  coordinatedSiteIds: number[] = [],
): Principal => ({
  userId: 1,
  username: "u",
  displayName: "u",
  language: "en",
  mustChangePassword: false,
  grants: grants.map((g, i) => ({ ...g, id: i + 1 })),
  coordinatedSiteIds,
  csrfToken: "",
  sessionIdHash: "",
});
