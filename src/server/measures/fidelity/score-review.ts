import { round } from "../instruments/score.ts";
import { type Agreement, agreement, type RaterRatings } from "./agreement.ts";
import type { FidelityScale, Level } from "./scale.ts";

export interface ReviewResult {
  scale: string;
  version: string;
  items: Array<{
    id: string;
    level: Level;
    name: string;
    ratings: Array<{ rater: string; rating: number }>;
    /** Mean over the raters who rated it (the consensus score); null when nobody did. */
    mean: number | null;
  }>;
  levels: Array<{
    level: Level;
    score: number | null;
    itemsRated: number;
    items: number;
    band: string | null;
  }>;
  overall: { score: number | null; band: string | null };
  agreement: Agreement;
}

const bandOf = (scale: FidelityScale, score: number | null) => {
  if (score === null) return null;
  let found: string | null = null;
  for (const c of scale.cutoffs) if (score >= c.min) found = c.code;
  return found;
};

/**
 * Score a review: each item's consensus is the mean of its raters' ratings; a level's score is the
 * mean of its rated items' consensus scores, banded by the scale's cut-offs; the overall score is
 * the mean over all rated items. Agreement between raters in `agreement.ts`.
 */
export function scoreReview(scale: FidelityScale, raters: RaterRatings[]): ReviewResult {
  const items = scale.items.map((item) => {
    const ratings = raters
      .filter((r) => r.ratings[item.id] !== undefined)
      .map((r) => ({ rater: r.rater, rating: r.ratings[item.id]! }));
    const mean = ratings.length ? round(ratings.reduce((a, r) => a + r.rating, 0) / ratings.length, 2) : null;
    return { id: item.id, level: item.level, name: item.name, ratings, mean };
  });
  const meanOf = (values: number[]) =>
    values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
  const levels = scale.levels.map((level) => {
    const of = items.filter((i) => i.level === level);
    const rated = of.filter((i) => i.mean !== null).map((i) => i.mean!);
    const score = meanOf(rated);
    return { level, score, itemsRated: rated.length, items: of.length, band: bandOf(scale, score) };
  });
  const overall = meanOf(items.filter((i) => i.mean !== null).map((i) => i.mean!));
  return {
    scale: scale.code,
    version: scale.version,
    items,
    levels,
    overall: { score: overall, band: bandOf(scale, overall) },
    agreement: agreement(raters),
  };
}

/** Items whose consensus is at or below `threshold`, lowest first. */
export function lowItems(result: ReviewResult, threshold: number) {
  return result.items
    .filter((i) => i.mean !== null && i.mean <= threshold)
    .sort((a, b) => a.mean! - b.mean! || a.id.localeCompare(b.id, undefined, { numeric: true }));
}
