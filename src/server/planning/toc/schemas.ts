import { z } from "zod";
import { ItemId, OptionalText, Text } from "../schemas.ts";

export const NODE_TYPES = ["impact", "outcome", "output", "activity", "input", "assumption", "risk"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** An indicator of the indicator engine, by id (built-in code or user indicator id). */
export const IndicatorRef = z
  .string()
  .min(1, "required")
  .max(100, "at most 100 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "an indicator id: letters, digits, dot, colon, underscore and hyphen");

export const TocNode = z.strictObject({
  id: ItemId,
  type: z.enum(NODE_TYPES),
  text: Text,
  /** Only outcomes and outputs carry indicators. */
  indicatorIds: z.array(IndicatorRef).max(20).default([]),
  /** Where the diagram editor placed it; null lets the web lay it out. */
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }).nullable().default(null),
});
export const TocEdge = z.strictObject({
  id: ItemId.optional(),
  from: ItemId,
  to: ItemId,
  rationale: OptionalText,
});
export const TocBody = z.strictObject({
  nodes: z.array(TocNode).max(300),
  edges: z.array(TocEdge).max(1000),
});
export type TocContent = z.infer<typeof TocBody>;

export const TocView = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      type: z.enum(NODE_TYPES),
      text: z.string(),
      indicatorIds: z.array(z.string()),
      position: z.object({ x: z.number(), y: z.number() }).nullable(),
    }),
  ),
  edges: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), rationale: z.string() })),
});
export type TocView = z.infer<typeof TocView>;
