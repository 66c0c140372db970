/**
 * The site-status API's shapes, inferred from the server's zod schemas (the contract). Types
 * only: nothing of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type {
  RegionFunnel as RegionFunnelSchema,
  SiteStatusList as SiteStatusListSchema,
  SiteStatusRow as SiteStatusRowSchema,
  StatusChangeBody as StatusChangeBodySchema,
} from "../../../server/site-status/schemas.ts";

export type SiteStatusList = z.infer<typeof SiteStatusListSchema>;
export type SiteStatusRow = z.infer<typeof SiteStatusRowSchema>;
export type StatusChangeBody = z.input<typeof StatusChangeBodySchema>;
export type RegionFunnel = z.infer<typeof RegionFunnelSchema>;
export type SiteStatus = NonNullable<SiteStatusRow["current"]>["status"];
