/**
 * What other capabilities may use of planning (tests/architecture/server-imports.test.ts): a
 * small write API, the vocabulary its callers and readers share, and the cross-site views the
 * monitoring report prints (SANA comparison, SWOT common factors, plan progress, roadmap
 * compliance). Everything else in this
 * folder is planning's own.
 */
export { addToActionPlan, type NewActivity, type PlanAdded } from "./action-plan/add-to-plan.ts";
export { planProgress } from "./action-plan/progress.ts";
export { ACTIVITY_STATUSES } from "./action-plan/schemas.ts";
export { type PlanningItemKind, planningItemKey, planningItemTexts } from "./item-texts.ts";
export { roadmapCompliance } from "./roadmap/compliance.ts";
export { compareSana } from "./sana/compare.ts";
export { ItemId, Label, newItemId, VersionSummary } from "./schemas.ts";
export { commonFactors } from "./swot/common-factors.ts";
