import { z } from "zod";
import { Code } from "../../shared/schemas.ts";
import { ItemId, Label, PlanningSite, Text } from "../schemas.ts";

/** The five domains of the Consolidated Framework for Implementation Research, version 2.0. */
export const CFIR_DOMAINS = [
  "innovation",
  "outer_setting",
  "inner_setting",
  "individuals",
  "implementation_process",
] as const;

export const QUADRANTS = ["strength", "weakness", "opportunity", "threat"] as const;
export type Quadrant = (typeof QUADRANTS)[number];
/** Strengths and weaknesses are internal to the services; opportunities and threats external. */
export const dimensionOf = (q: Quadrant) => (q === "strength" || q === "weakness" ? "internal" : "external");

export const Tag = z.strictObject({
  code: Code,
  label: Label,
  cfirDomain: z.enum(CFIR_DOMAINS).nullable().default(null),
});
export type TagT = z.infer<typeof Tag>;
export const TagsBody = z.strictObject({ tags: z.array(Tag).max(500) });
export type TagsBody = z.infer<typeof TagsBody>;
export type TagsContent = z.infer<typeof TagsBody>;

export const SwotItemBody = z.strictObject({
  id: ItemId.optional(),
  quadrant: z.enum(QUADRANTS),
  text: Text,
  /** Codes from the programme's tag vocabulary. */
  tags: z.array(Code).max(20).default([]),
});
export const SwotBody = z.strictObject({ items: z.array(SwotItemBody).max(500) });
export type SwotContent = z.infer<typeof SwotBody>;

export const SwotView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      quadrant: z.enum(QUADRANTS),
      dimension: z.enum(["internal", "external"]),
      text: z.string(),
      tags: z.array(z.string()),
    }),
  ),
});
export type SwotView = z.infer<typeof SwotView>;
export type SwotViewT = z.infer<typeof SwotView>;

export const CommonFactors = z.object({
  sitesInProgramme: z.number().int(),
  sitesWithSwot: z.number().int(),
  factors: z.array(
    z.object({
      tag: z.string(),
      label: z.string(),
      cfirDomain: z.enum(CFIR_DOMAINS).nullable(),
      quadrant: z.enum(QUADRANTS),
      dimension: z.enum(["internal", "external"]),
      /** How many sites of the programme named this tag in this quadrant of their SWOT. */
      siteCount: z.number().int(),
      sites: z.array(PlanningSite),
      /** Whether the regional SWOT names it too. */
      inRegional: z.boolean(),
    }),
  ),
});
export type CommonFactors = z.infer<typeof CommonFactors>;
