import { IMPLEMENTAL } from "./implemental.ts";
import type { PlanningTemplate } from "./template.ts";

/** The templates shipped with Praxis, by id. */
export const TEMPLATES: ReadonlyMap<string, PlanningTemplate> = new Map([[IMPLEMENTAL.id, IMPLEMENTAL]]);

export function templateSummary(t: PlanningTemplate) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    contents: {
      sanaAreas: t.sanaTemplate.areas.length,
      sanaIndicators: t.sanaTemplate.areas.reduce((n, a) => n + a.indicators.length, 0),
      swotTags: t.swotTags.tags.length,
      tocNodes: t.toc.nodes.length,
      strategicAreas: t.actionPlan.strategicAreas.length,
      questions: t.questionnaire.questions.length,
    },
  };
}
