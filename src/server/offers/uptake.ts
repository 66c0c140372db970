import { isSmall } from "../core/small-cells.ts";

export interface UptakeCells {
  enrolled: number | null;
  declined: number | null;
  uptake: number | null;
  suppressed: boolean;
}

/**
 * Uptake of a practice: enrolled ÷ (enrolled + declined); null when nobody was offered it. With
 * `suppress` (viewers, site users) a count of 1–4 hides every cell of the row, as in the funnel.
 */
export function uptakeOf(enrolled: number, declined: number, suppress: boolean): UptakeCells {
  if (suppress && (isSmall(enrolled) || isSmall(declined)))
    return { enrolled: null, declined: null, uptake: null, suppressed: true };
  const offered = enrolled + declined;
  return { enrolled, declined, uptake: offered === 0 ? null : enrolled / offered, suppressed: false };
}
