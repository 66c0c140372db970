import { z } from "zod";
import { CivilDate, Code, Id } from "../../shared/schemas.ts";
import { CareDate, Label, Text } from "../schemas.ts";

export const ReviewBody = z.strictObject({
  scale: z.string().min(1).max(64),
  programmeId: Id,
  siteId: Id,
  /** The therapist reviewed (a professional of the site), for a therapist-level review. */
  professionalId: Id.nullable().default(null),
  reviewDate: CareDate,
  notes: Text(2000).default(""),
  raters: z
    .array(
      z.strictObject({
        /** The rater's name or code, as the review team knows them. */
        rater: Label(100),
        /** Item id → rating. */
        ratings: z.record(z.string().min(1).max(16), z.number({ error: "a number" })),
      }),
    )
    .min(1, "at least one rater")
    .max(20),
});
export type ReviewBody = z.infer<typeof ReviewBody>;
export type ReviewBodyInput = z.input<typeof ReviewBody>;

const Agreement = z.object({
  raters: z.number().int(),
  itemsRatedByAll: z.number().int(),
  exactAgreement: z.number().nullable(),
  withinOneAgreement: z.number().nullable(),
  icc: z.number().nullable(),
});

const LevelScore = z.object({
  level: z.string(),
  score: z.number().nullable(),
  itemsRated: z.number().int(),
  items: z.number().int(),
  band: z.string().nullable(),
});

export const ReviewSummary = z.object({
  id: z.number().int(),
  scale: z.string(),
  scaleVersion: z.string(),
  programmeId: z.number().int(),
  siteId: z.number().int(),
  professionalId: z.number().int().nullable(),
  reviewDate: z.string(),
  overall: z.object({ score: z.number().nullable(), band: z.string().nullable() }),
  levels: z.array(LevelScore),
  agreement: Agreement,
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const Review = ReviewSummary.extend({
  notes: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      level: z.string(),
      name: z.string(),
      ratings: z.array(z.object({ rater: z.string(), rating: z.number() })),
      mean: z.number().nullable(),
    }),
  ),
  createdAt: z.string(),
});
export type Review = z.infer<typeof Review>;

export const ReviewHistoryQuery = z.strictObject({ programmeId: Id, scale: z.string().max(64).optional() });
export const ReviewHistory = z.object({ items: z.array(ReviewSummary) });
export type ReviewHistory = z.infer<typeof ReviewHistory>;

export const ComparisonQuery = z.strictObject({ scale: z.string().min(1).max(64) });
export const Comparison = z.object({
  programmeId: z.number().int(),
  scale: z.string(),
  range: z.object({ min: z.number(), max: z.number() }),
  items: z.array(z.object({ id: z.string(), level: z.string(), name: z.string() })),
  /** One row per site: its latest site review (not therapist reviews); nulls when never reviewed. */
  sites: z.array(
    z.object({
      siteId: z.number().int(),
      siteCode: z.string(),
      siteName: z.string(),
      reviewId: z.number().int().nullable(),
      reviewDate: z.string().nullable(),
      overall: z.number().nullable(),
      band: z.string().nullable(),
      levels: z.record(z.string(), z.number().nullable()),
      /** Item id → consensus rating: the cells of the heat map. */
      items: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;

export const ActionPlanBody = z.strictObject({
  /** Items at or below this consensus rating become activities (default: the scale's). */
  threshold: z.number().optional(),
  start: CivilDate,
  end: CivilDate,
  responsibleActor: Label(200).default("Implementation team"),
  responsibleProfessionalCode: Code.nullable().default(null),
  /** The site action plan's version the user is looking at (409 stale_version if it changed). */
  baseVersion: z.number().int().min(0).optional(),
});
export type ActionPlanBody = z.infer<typeof ActionPlanBody>;
export type ActionPlanBodyInput = z.input<typeof ActionPlanBody>;

export const ActionPlanResult = z.object({
  reviewId: z.number().int(),
  programmeId: z.number().int(),
  siteId: z.number().int(),
  planVersion: z.number().int(),
  strategicArea: z.string(),
  subArea: z.string(),
  activities: z.array(
    z.object({ id: z.string(), title: z.string(), itemId: z.string(), rating: z.number() }),
  ),
});
export type ActionPlanResult = z.infer<typeof ActionPlanResult>;

export const ScaleList = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    version: z.string(),
    source: z.string(),
    notice: z.string(),
    range: z.object({ min: z.number(), max: z.number() }),
    /** The practices (codes) the scale was made for; empty: any practice. */
    practices: z.array(z.string()),
    levels: z.array(z.string()),
    lowThreshold: z.number(),
    cutoffs: z.array(z.object({ min: z.number(), code: z.string(), label: z.string() })),
    items: z.array(
      z.object({
        id: z.string(),
        level: z.string(),
        name: z.string(),
        description: z.string(),
        anchors: z.record(z.string(), z.string()),
      }),
    ),
  }),
);

export const ReviewParams = z.strictObject({ id: Id });
