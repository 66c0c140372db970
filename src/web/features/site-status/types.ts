/**
 * The site-status API's shapes, inferred from the server's zod schemas (the contract). Types
 * only: nothing of the server ends up in the bundle through this file.
 */

import type { SiteStatusRow } from "../../../server/site-status/schemas.ts";

export type {
  RegionFunnel,
  SiteStatusList,
  SiteStatusRow,
  StatusChangeBodyInput as StatusChangeBody,
} from "../../../server/site-status/schemas.ts";

export type SiteStatus = NonNullable<SiteStatusRow["current"]>["status"];
