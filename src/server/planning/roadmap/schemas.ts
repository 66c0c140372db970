import { z } from "zod";
import { CivilDate } from "../../shared/schemas.ts";
import { ItemId, Label, OptionalText, PlanningSite, Text } from "../schemas.ts";

export const OBJECTIVE_STATUSES = ["not_started", "in_progress", "achieved", "abandoned"] as const;

export const ObjectiveBody = z.strictObject({
  id: ItemId.optional(),
  /** The desired result, e.g. "Consolidate the specialist team for young people in each CMHC". */
  objective: Text,
  /** The conditions for reaching it. */
  conditions: z.array(Text).max(30).default([]),
  /** The expected timeframe as people say it ("within 12 months", "by end of 2025"). */
  timeframe: Label,
  targetDate: CivilDate.nullable().default(null),
  responsible: z.string().trim().max(200, "at most 200 characters").default(""),
  status: z.enum(OBJECTIVE_STATUSES).default("not_started"),
  note: OptionalText,
});
export const RoadmapBody = z.strictObject({ objectives: z.array(ObjectiveBody).max(100) });
export type RoadmapBodyInput = z.input<typeof RoadmapBody>;
export type RoadmapContent = z.infer<typeof RoadmapBody>;

export const RoadmapView = z.object({
  objectives: z.array(
    z.object({
      id: z.string(),
      objective: z.string(),
      conditions: z.array(z.string()),
      timeframe: z.string(),
      targetDate: z.string().nullable(),
      responsible: z.string(),
      status: z.enum(OBJECTIVE_STATUSES),
      note: z.string(),
    }),
  ),
});
export type RoadmapView = z.infer<typeof RoadmapView>;

const Compilation = z.object({
  /** Saved with at least one objective. */
  compiled: z.boolean(),
  version: z.number().int(),
  objectives: z.number().int(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export const RoadmapCompliance = z.object({
  expected: z.number().int(),
  compiled: z.number().int(),
  region: Compilation,
  sites: z.array(PlanningSite.extend(Compilation.shape)),
  /** Codes of the sites that have not compiled theirs. */
  missing: z.array(z.string()),
});
export type RoadmapCompliance = z.infer<typeof RoadmapCompliance>;
