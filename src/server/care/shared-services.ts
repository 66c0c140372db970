import { memberSites } from "../core/access/roles.ts";
import type { Principal } from "../infra/auth/principal.ts";

/**
 * The sites through which a user works for a directory service: the sites of their site grants
 * (clinician, site coordinator). A service linked to one of them (`directory_service_sites`) is
 * "their service" for the plans patients consented to share with it. Administrators, regional
 * coordinators and viewers hold no site grant and so read no shared plan.
 */
export const sharingSites = (p: Principal): number[] => [...new Set(memberSites(p))];
