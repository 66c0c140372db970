/**
 * The small-cell rule every aggregate shown to a viewer obeys (indicators, outcomes, the training
 * funnel, analysis, the report): a count of 1–4 people could identify someone, so it is withheld.
 * Zero is shown (nobody to identify). The indicators' full rule (primary and secondary
 * suppression) is in indicators/suppression.ts and builds on this one.
 */
export const SMALL_MIN = 1;
export const SMALL_MAX = 4;
export const isSmall = (x: number | null) => x !== null && x >= SMALL_MIN && x <= SMALL_MAX;
