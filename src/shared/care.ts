/** Integrated care records (issue 13, part 3): the closed lists the server and the web app share. */

/** What a consent to share covers. */
export const CONSENT_SCOPES = ["care_plan", "crisis_plan", "both"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Who carries out an action of a care or crisis plan. */
export const ACTION_WHO = ["professional", "service", "person", "family"] as const;
export type ActionWho = (typeof ACTION_WHO)[number];

/** Where an action of a care plan stands. */
export const ACTION_STATUSES = ["planned", "in_progress", "done", "stopped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Whether a consent's scope covers a plan. */
export const scopeCovers = (scope: ConsentScope, plan: "care_plan" | "crisis_plan") =>
  scope === "both" || scope === plan;

/** Limits of the texts of a plan. */
export const CARE_LIMITS = {
  goalText: 500,
  actionText: 500,
  goals: 20,
  actions: 50,
  crisisText: 4000,
  contacts: 20,
  reason: 500,
} as const;
