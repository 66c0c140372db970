import { z } from "zod";
import { SITE_STATUS_REASONS, SITE_STATUSES } from "../../shared/vocabulary.ts";
import { CivilDate, Id } from "../shared/schemas.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const SiteStatusParams = z.strictObject({ id: Id, siteId: Id });

export const StatusChangeBody = z.strictObject({
  status: z.enum(SITE_STATUSES),
  effectiveDate: CivilDate,
  /** Required when the site pauses or stops. */
  reason: z.enum(SITE_STATUS_REASONS).nullable().default(null),
  /** What happened, in a few words — never about a patient. */
  note: z
    .string()
    .trim()
    .max(500, "at most 500 characters")
    .refine((s) => !CONTROL.test(s), "no control characters")
    .default(""),
  /** The number of changes the client saw for this site (0: none); a stale one answers 409. */
  baseVersion: z.number().int("a whole number").min(0, "0 or more").max(1_000_000, "too large"),
});
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;
export type StatusChangeBodyInput = z.input<typeof StatusChangeBody>;

export const StatusChange = z.object({
  version: z.number().int(),
  status: z.enum(SITE_STATUSES),
  effectiveDate: z.string(),
  reason: z.enum(SITE_STATUS_REASONS).nullable(),
  note: z.string(),
  changedBy: z.string(),
  recordedAt: z.string(),
});

export const SiteStatusRow = z.object({
  siteId: z.number().int(),
  siteCode: z.string(),
  siteName: z.string(),
  /** The latest change by effective date; null when nothing is recorded. */
  current: StatusChange.nullable(),
  /** Every change, newest first. */
  history: z.array(StatusChange),
  /** The number of changes: the `baseVersion` of the next one. */
  version: z.number().int(),
  /** Whether this user may record a change for this site. */
  canChange: z.boolean(),
});
export type SiteStatusRow = z.infer<typeof SiteStatusRow>;

export const SiteStatusList = z.object({
  programmeId: z.number().int(),
  sites: z.array(SiteStatusRow),
});
export type SiteStatusList = z.infer<typeof SiteStatusList>;

const FunnelStage = z.object({ sites: z.number().int(), professionals: z.number().int() });

export const RegionFunnel = z.object({
  programmeId: z.number().int(),
  regionId: z.number().int(),
  /** Sites of the region, in the programme or not. */
  regionSites: z.number().int(),
  /** Sites with at least one trained professional, and the trained professionals. */
  trained: FunnelStage,
  /** Started: sites with a patient enrolled in the programme; professionals who delivered an intervention to one. */
  started: FunnelStage,
  /** Started and not now paused or stopped. */
  implementing: FunnelStage,
  /** Trained and never started. */
  neverStarted: FunnelStage,
  /** Sites whose current status is paused or stopped, and their trained professionals. */
  pausedOrStopped: FunnelStage,
  /** The sites behind the counts: trained but never started, or paused/stopped. */
  sites: z.array(
    z.object({
      siteId: z.number().int(),
      siteCode: z.string(),
      siteName: z.string(),
      inProgramme: z.boolean(),
      trainedProfessionals: z.number().int(),
      deliveringProfessionals: z.number().int(),
      enrolled: z.number().int(),
      status: z.enum(SITE_STATUSES).nullable(),
      stage: z.enum(["not_trained", "never_started", "implementing", "paused_or_stopped"]),
    }),
  ),
});
export type RegionFunnel = z.infer<typeof RegionFunnel>;
