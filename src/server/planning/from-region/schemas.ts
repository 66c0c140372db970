import { z } from "zod";
import { ChangeSchema } from "../schemas.ts";
import { LINK_STATUSES } from "./link.ts";

const VersionNo = z.number().int().min(0).max(2_147_483_647);

/** POST …/sites/:siteId/from-region: start from (or take) the region's version. */
export const TakeBody = z.strictObject({
  /** The region version the user is looking at; a newer one saved since is a 409 stale_version. */
  regionVersion: VersionNo.min(1),
  /** The site's version the user is looking at (0: not started); as for a save. */
  baseVersion: VersionNo,
});

const Difference = z.object({
  /** The version compared from (the site's copy, or the region version the site started from). */
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  from: z.unknown(),
  to: z.unknown(),
  changes: z.array(ChangeSchema),
});

/** GET …/sites/:siteId/from-region: where the site's artefact stands towards the region's. */
export const RegionLinkView = z.object({
  status: z.enum(LINK_STATUSES),
  /** The region version the site's latest copy came from; null when it never copied one. */
  startedFrom: z.number().int().nullable(),
  regionVersion: z.number().int(),
  regionNewer: z.boolean(),
  siteVersion: z.number().int(),
  /** Whether the region's version reaches sites by itself when they have none. */
  automatic: z.boolean(),
  /** Whether the caller may start the site from (or take) the region's current version. */
  canTake: z.boolean(),
  /** The site's changes since its copy (null without a copy). */
  local: Difference.nullable(),
  /** The region's changes since the version the site started from (null unless the region is newer). */
  region: Difference.nullable(),
});
export type RegionLinkView = z.infer<typeof RegionLinkView>;

/** A site artefact's standing in the overview (GET …/planning). */
export const OverviewLink = z.object({
  status: z.enum(LINK_STATUSES),
  startedFrom: z.number().int().nullable(),
  regionVersion: z.number().int(),
  regionNewer: z.boolean(),
});
export type OverviewLink = z.infer<typeof OverviewLink>;
