import { z } from "zod";
import { today, yearOf } from "../../infra/time/civil-date.ts";
import { ItemId, Label, OptionalText, PlanningSite } from "../schemas.ts";

export const INDICATOR_TYPES = ["number", "percentage", "text", "yes_no"] as const;

export const SanaIndicator = z.strictObject({
  id: ItemId.optional(),
  name: Label,
  /** e.g. "per 100,000 adults", "€ million", "%". */
  unit: z.string().trim().max(60, "at most 60 characters").default(""),
  type: z.enum(INDICATOR_TYPES),
  description: OptionalText,
});
export const SanaArea = z.strictObject({
  id: ItemId.optional(),
  title: Label,
  description: OptionalText,
  indicators: z.array(SanaIndicator).max(100).default([]),
});
export const SanaTemplateBody = z.strictObject({ areas: z.array(SanaArea).max(40) });
export type SanaTemplateContent = z.infer<typeof SanaTemplateBody>;

/** A SANA indicator as answered: what is measured, in which unit, and of which type. */
const indicatorView = () => ({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  type: z.enum(INDICATOR_TYPES),
});

export const SanaTemplateView = z.object({
  areas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      indicators: z.array(z.object({ ...indicatorView(), description: z.string() })),
    }),
  ),
});
export type SanaTemplateView = z.infer<typeof SanaTemplateView>;

const Value = z.union([z.number().finite(), z.string().trim().max(2000), z.boolean()]).nullable();
export const SanaValue = z.strictObject({
  indicatorId: ItemId,
  value: Value,
  source: z.string().trim().max(300, "at most 300 characters").default(""),
  year: z
    .number()
    .int()
    .min(1900, "a year from 1900")
    .max(2100, "a year up to 2100")
    // A situation analysis describes what was: a figure of a year still to come is a typo.
    .refine((y) => y <= yearOf(today()), { message: "a year not in the future", params: { rule: "future" } })
    .nullable()
    .default(null),
  note: OptionalText,
});
export const SanaValuesBody = z.strictObject({ values: z.array(SanaValue).max(2000) });
export type SanaValuesBodyInput = z.input<typeof SanaValuesBody>;
export type SanaValuesContent = z.infer<typeof SanaValuesBody>;

export const SanaComparison = z.object({
  columns: z.array(
    z.object({ siteId: z.number().int().nullable(), label: z.string(), version: z.number().int() }),
  ),
  areas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      indicators: z.array(
        z.object({
          ...indicatorView(),
          /** One cell per column, in the order of `columns`; null when not filled in. */
          values: z.array(
            z.object({ value: Value, source: z.string(), year: z.number().int().nullable() }).nullable(),
          ),
        }),
      ),
    }),
  ),
  sites: z.array(PlanningSite),
});
export type SanaComparison = z.infer<typeof SanaComparison>;
