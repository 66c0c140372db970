import { sentNumber } from "../../../app/ui/read-number.ts";
import type { ReviewBody } from "../types.ts";

export interface RaterDraft {
  key: number;
  rater: string;
  /** Item id → the typed rating ("" when not rated). */
  ratings: Record<string, number | string>;
}

export interface ReviewDraft {
  programmeId: string | null;
  scale: string | null;
  professionalId: string | null;
  reviewDate: string | null;
  notes: string;
  raters: RaterDraft[];
}

let next = 1;
export const newRater = (): RaterDraft => ({ key: next++, rater: "", ratings: {} });

/**
 * The body the server checks: every typed rating goes as it is (out of range too: the server
 * names the cell), untouched cells are left out (not rated).
 */
export function reviewBodyOf(siteId: number, d: ReviewDraft): ReviewBody {
  return {
    scale: d.scale ?? "",
    programmeId: Number(d.programmeId ?? 0),
    siteId,
    professionalId: d.professionalId === null ? null : Number(d.professionalId),
    reviewDate: d.reviewDate ?? "",
    notes: d.notes,
    raters: d.raters.map((r) => ({
      rater: r.rater,
      ratings: Object.fromEntries(
        Object.entries(r.ratings)
          .filter(([, v]) => v !== "")
          // Letters go as typed, for the server to refuse beside the cell (the form holds them first)
          .map(([k, v]) => [k, sentNumber(v) as number]),
      ),
    })),
  };
}
