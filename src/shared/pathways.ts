/**
 * The closed lists of care pathways (issue 13, part 3: referrals between services, the Four
 * Quadrants, disengagement), shared by the server's schemas and the web app.
 */

/** Where a referral stands: waiting for the receiving service, or its answer. */
export const REFERRAL_DECISIONS = ["pending", "accepted", "declined"] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

/** Why a receiving service declined a referral. */
export const REFERRAL_DECLINE_REASONS = [
  "not_eligible",
  "no_capacity",
  "patient_declined",
  "better_served_elsewhere",
  "other",
] as const;
export type ReferralDeclineReason = (typeof REFERRAL_DECLINE_REASONS)[number];

/** Severity of a condition in the Four Quadrants model. */
export const SEVERITIES = ["low", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The Four Quadrants: mental health severity × severity of the co-occurring condition.
 * I low × low, II high × low, III low × high, IV high × high.
 */
export const QUADRANTS = ["I", "II", "III", "IV"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export function quadrantOf(mentalHealth: Severity, coOccurring: Severity): Quadrant {
  if (mentalHealth === "low") return coOccurring === "low" ? "I" : "III";
  return coOccurring === "low" ? "II" : "IV";
}

/** What came of checking in with a patient who disengaged. */
export const CHECK_IN_OUTCOMES = ["reached", "not_reached", "re_engaged", "closed"] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

/** The disengagement worklists of a site. */
export const DISENGAGEMENT_LISTS = ["noContact", "missedLastContact"] as const;
export type DisengagementList = (typeof DISENGAGEMENT_LISTS)[number];

/** "No contact for N days": the default N, and its bounds. */
export const NO_CONTACT_DEFAULT_DAYS = 30;
export const NO_CONTACT_MAX_DAYS = 730;
