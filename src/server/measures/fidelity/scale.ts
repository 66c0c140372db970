/**
 * The shape of a fidelity or treatment-integrity scale (one data file per scale under `scales/`).
 * Each item belongs to a level (organisation, team, therapist, or the programme as a whole) and
 * has anchors for its ratings; the score of a level is the mean of its items.
 */
export type Level = "programme" | "organisation" | "team" | "therapist";

export interface ScaleItem {
  id: string;
  level: Level;
  name: string;
  /** What the item looks at, in our words. */
  description: string;
  /** Rating → what it looks like (in our words; not every rating needs one). */
  anchors: Record<number, string>;
}

export interface Cutoff {
  /** Applies from this mean score up to the next cut-off. */
  min: number;
  code: string;
  label: string;
}

export interface FidelityScale {
  code: string;
  name: string;
  version: string;
  source: string;
  notice: string;
  range: { min: number; max: number };
  /**
   * The practices (their codes) this scale was made for: a programme of one of them opens its
   * fidelity pages on it. Empty for a scale of any practice (the General Organizational Index).
   */
  practices: string[];
  levels: Level[];
  items: ScaleItem[];
  cutoffs: Cutoff[];
  /** Items whose consensus rating is at or below this are "low" by default. */
  lowThreshold: number;
}
