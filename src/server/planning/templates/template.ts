import type { ActionPlanContent } from "../action-plan/schemas.ts";
import type { DefinitionContent } from "../questionnaire/schemas.ts";
import type { SanaTemplateContent } from "../sana/schemas.ts";
import type { TagsContent } from "../swot/schemas.ts";
import type { TocContent } from "../toc/schemas.ts";

/** A planning template: data a programme starts from, applied with POST …/apply-template. */
export interface PlanningTemplate {
  id: string;
  name: string;
  description: string;
  sanaTemplate: SanaTemplateContent;
  swotTags: TagsContent;
  /** The regional Theory of Change skeleton. */
  toc: TocContent;
  /** The regional action plan's strategic areas and sub-areas (activities are the team's to add). */
  actionPlan: ActionPlanContent;
  questionnaire: DefinitionContent & { code: string };
}

export const TEMPLATE_PARTS = ["sana_template", "swot_tags", "toc", "action_plan", "questionnaire"] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
