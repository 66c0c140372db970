import type { Selectable } from "kysely";
import type { z } from "zod";
import type { FidelityReviewTable } from "../../infra/db/schema.ts";
import type { Review, ReviewSummary } from "./schemas.ts";
import type { ReviewResult } from "./score-review.ts";

/** Row → API mappers: the only place that knows both shapes. */
export const reviewRowToSummary = (r: Selectable<FidelityReviewTable>): z.infer<typeof ReviewSummary> => {
  const result = r.result as ReviewResult;
  return {
    id: r.id,
    scale: r.scale,
    scaleVersion: r.scale_version,
    programmeId: r.programme_id,
    siteId: r.site_id,
    professionalId: r.professional_id,
    reviewDate: r.review_date,
    overall: result.overall,
    levels: result.levels,
    agreement: result.agreement,
  };
};

export const reviewRowToReview = (r: Selectable<FidelityReviewTable>): z.infer<typeof Review> => ({
  ...reviewRowToSummary(r),
  notes: r.notes,
  items: (r.result as ReviewResult).items,
  createdAt: new Date(r.created_at).toISOString(),
});
