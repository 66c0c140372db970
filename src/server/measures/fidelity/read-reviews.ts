import type { z } from "zod";
import { canReadSiteData } from "../../core/access/roles.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { forbidden, notFound } from "../../infra/http/errors.ts";
import { reviewRowToReview, reviewRowToSummary } from "./repository.ts";
import type { Review, ReviewSummary } from "./schemas.ts";

const WHY = "you may read the reviews only of a site you work with";

/** One review with every rater's ratings: whoever reads the site's data. */
export async function getReview(db: Db, p: Principal, id: number): Promise<z.infer<typeof Review>> {
  const row = await db.selectFrom("fidelity_reviews").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("review");
  if (!canReadSiteData(p, row.site_id)) throw forbidden(WHY, "not_your_site");
  return reviewRowToReview(row);
}

/** A site's reviews in a programme (optionally of one scale), newest first: the history over reviews. */
export async function reviewHistory(
  db: Db,
  p: Principal,
  siteId: number,
  programmeId: number,
  scale: string | undefined,
): Promise<Array<ReviewSummary>> {
  if (!canReadSiteData(p, siteId)) throw forbidden(WHY, "not_your_site");
  let q = db
    .selectFrom("fidelity_reviews")
    .selectAll()
    .where("site_id", "=", siteId)
    .where("programme_id", "=", programmeId)
    .orderBy("review_date", "desc")
    .orderBy("id", "desc");
  if (scale) q = q.where("scale", "=", scale);
  return (await q.execute()).map(reviewRowToSummary);
}
