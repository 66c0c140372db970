import { sql } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { fidelityDue } from "./fidelity-due.ts";
import { inList } from "./in-list.ts";
import type { FidelityDue } from "./schemas.ts";

type Item = z.infer<typeof FidelityDue>;

/**
 * The sites of `programmes` whose next fidelity review is due (fidelity-due.ts): each programme
 * site with its latest review date, in one grouped statement; overdue first, then by due date.
 */
export async function fidelityReviewsDue(
  db: Executor,
  programmes: "all" | number[],
  today: string,
): Promise<Item[]> {
  const { rows } = await sql<{
    programme_id: number;
    programme_code: string;
    site_id: number;
    site_code: string;
    site_name: string;
    last_review: string | null;
  }>`
    select ps.programme_id, pr.code as programme_code, ps.site_id, s.code as site_code,
      s.name as site_name, max(f.review_date) as last_review
    from programme_sites ps
    join programmes pr on pr.id = ps.programme_id
    join sites s on s.id = ps.site_id
    left join fidelity_reviews f
      on f.programme_id = ps.programme_id and f.site_id = ps.site_id and f.review_date <= ${today}
    where ${inList("ps.programme_id", programmes)}
    group by ps.programme_id, pr.code, ps.site_id, s.code, s.name
    order by pr.code, s.code`.execute(db);
  return rows
    .map((r) => ({ r, due: fidelityDue(r.last_review, today) }))
    .filter(({ due }) => due.listed)
    .map(({ r, due }) => ({
      programmeId: r.programme_id,
      programmeCode: r.programme_code,
      siteId: r.site_id,
      siteCode: r.site_code,
      siteName: r.site_name,
      lastReview: r.last_review,
      dueOn: due.dueOn,
      overdue: due.overdue,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
}
