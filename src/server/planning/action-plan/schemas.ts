import { z } from "zod";
import { CivilDate, Code, Id } from "../../shared/schemas.ts";
import { ItemId, Label, OptionalText, PlanningSite } from "../schemas.ts";

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "delayed", "dropped"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ActivityBody = z.strictObject({
  id: ItemId.optional(),
  /** The regional activity this one was copied from (set by copy-to-sites). */
  originId: ItemId.nullable().default(null),
  title: Label,
  description: OptionalText,
  /** Who is responsible: free text, a professional's code at the site, or both. */
  responsibleActor: z.string().trim().max(200, "at most 200 characters").default(""),
  responsibleProfessionalCode: Code.nullable().default(null),
  start: CivilDate,
  end: CivilDate,
  stakeholders: z.array(Label).max(50).default([]),
  targetPopulation: OptionalText,
  finalBeneficiaries: OptionalText,
  status: z.enum(ACTIVITY_STATUSES).default("planned"),
  /** The Theory of Change output this activity serves (of the site's ToC or the region's). */
  tocOutputNodeId: ItemId.nullable().default(null),
});
export const SubAreaBody = z.strictObject({
  id: ItemId.optional(),
  title: Label,
  activities: z.array(ActivityBody).max(200).default([]),
});
export const StrategicAreaBody = z.strictObject({
  id: ItemId.optional(),
  title: Label,
  description: OptionalText,
  subAreas: z.array(SubAreaBody).max(50).default([]),
});
export const ActionPlanBody = z.strictObject({ strategicAreas: z.array(StrategicAreaBody).max(30) });
export type ActionPlanBodyInput = z.input<typeof ActionPlanBody>;
export type ActionPlanContent = z.infer<typeof ActionPlanBody>;
export type Activity = z.infer<typeof ActivityBody>;

const ActivityView = z.object({
  id: z.string(),
  originId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  responsibleActor: z.string(),
  responsibleProfessionalCode: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  stakeholders: z.array(z.string()),
  targetPopulation: z.string(),
  finalBeneficiaries: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  tocOutputNodeId: z.string().nullable(),
  /** The ToC output it serves, resolved now; null when none is set or it no longer exists. */
  tocOutput: z.object({ id: z.string(), text: z.string(), scope: z.enum(["region", "site"]) }).nullable(),
  /** Computed: the end date has passed (end < today) and it is neither done nor dropped. */
  overdue: z.boolean(),
});
export const ActionPlanView = z.object({
  strategicAreas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      subAreas: z.array(z.object({ id: z.string(), title: z.string(), activities: z.array(ActivityView) })),
    }),
  ),
  summary: z.object({
    today: z.string(),
    activities: z.number().int(),
    overdue: z.number().int(),
    byStatus: z.record(z.enum(ACTIVITY_STATUSES), z.number().int()),
  }),
});
export type ActionPlanView = z.infer<typeof ActionPlanView>;
export type ActionPlanViewT = z.infer<typeof ActionPlanView>;

export const CopyToSitesBody = z.strictObject({
  siteIds: z
    .array(Id)
    .min(1, "choose at least one site")
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "each site at most once"),
  /** Replace plans the sites already have (their history keeps them); otherwise 409. */
  replace: z.boolean().default(false),
  /** The regional plan's version the coordinator is looking at: if it changed since, 409 stale_version. */
  regionalVersion: z.number().int().min(1).optional(),
});
export const CopyToSitesResult = z.object({
  regionalVersion: z.number().int(),
  sites: z.array(PlanningSite.extend({ version: z.number().int() })),
});
export type CopyToSitesResult = z.infer<typeof CopyToSitesResult>;

export const Progress = z.object({
  today: z.string(),
  sites: z.array(PlanningSite.extend({ planVersion: z.number().int() })),
  activities: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      strategicArea: z.string(),
      subArea: z.string(),
      start: z.string(),
      end: z.string(),
      status: z.enum(ACTIVITY_STATUSES),
      perSite: z.array(
        z.object({
          siteId: z.number().int(),
          /** null: the site's plan does not carry this activity. */
          status: z.enum(ACTIVITY_STATUSES).nullable(),
          end: z.string().nullable(),
          overdue: z.boolean(),
        }),
      ),
      counts: z.record(z.enum([...ACTIVITY_STATUSES, "missing", "overdue"]), z.number().int()),
    }),
  ),
});
export type Progress = z.infer<typeof Progress>;
