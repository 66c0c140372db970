/**
 * Who is asking, and what they may see. Built once per request from the session (see
 * sessions.ts); every access decision is a pure function of it (see core/access/roles.ts).
 */
import type { Role } from "../../../shared/roles.ts";

export { ROLES } from "../../../shared/roles.ts";
export type { Role };

export interface RoleGrant {
  id: number;
  role: Role;
  programmeId: number | null;
  siteId: number | null;
}

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  language: string;
  mustChangePassword: boolean;
  grants: RoleGrant[];
  /** Sites of the programmes this user coordinates regionally. */
  coordinatedSiteIds: number[];
  csrfToken: string;
  sessionIdHash: string;
}
