/**
 * What other capabilities may use of planning (tests/architecture/server-imports.test.ts): a
 * small write API and the vocabulary its callers and readers share. Everything else in this
 * folder is planning's own.
 */
export { addToActionPlan, type NewActivity, type PlanAdded } from "./action-plan/add-to-plan.ts";
export { ACTIVITY_STATUSES } from "./action-plan/schemas.ts";
