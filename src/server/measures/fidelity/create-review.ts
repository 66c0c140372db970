import { canManageSite } from "../../core/access/roles.ts";
import { programmeRunsAt } from "../../core/programme-scope.ts";
import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite, created } from "../../infra/audit/audited-write.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { type FieldIssue, forbidden, issuesError } from "../../infra/http/errors.ts";
import { today } from "../../infra/time/civil-date.ts";
import { reviewRowToReview } from "./repository.ts";
import { findScale } from "./scales/index.ts";
import type { Review, ReviewBody } from "./schemas.ts";
import { scoreReview } from "./score-review.ts";

/**
 * Record a fidelity or integrity review of a site (or of one of its therapists) by one or more
 * raters: who may manage the site (administrators, its coordinator, the programme's regional
 * coordinators). Refused with 400 naming each field: an unknown scale, a site outside the
 * programme, a therapist of another site, a future date, a rater named twice, an unknown item, a
 * rating outside the scale or not whole, a review with no item rated. Ratings, the computed
 * scores and agreement, and the audit entry are stored in one transaction.
 */
export async function createReview(db: Db, p: Principal, actor: Actor, body: ReviewBody): Promise<Review> {
  if (!canManageSite(p, body.siteId))
    throw forbidden(
      "only an administrator, the site's coordinator or a regional coordinator of the programme may record its reviews",
    );
  return auditedWrite(db, actor, { action: "create", entity: "fidelity_review" }, async (trx) => {
    const issues: FieldIssue[] = [];
    const scale = findScale(body.scale);
    if (!scale)
      issues.push({
        field: "body.scale",
        rule: "unknown_scale",
        message: `"${body.scale}" is not a fidelity scale`,
      });
    const [inProgramme, professional] = await Promise.all([
      programmeRunsAt(trx, body.programmeId, body.siteId),
      body.professionalId === null
        ? Promise.resolve(undefined)
        : trx
            .selectFrom("professionals")
            .select("site_id")
            .where("id", "=", body.professionalId)
            .executeTakeFirst(),
    ]);
    if (!inProgramme)
      issues.push({ field: "body.siteId", rule: "reference", message: "not a site of this programme" });
    if (body.professionalId !== null && professional?.site_id !== body.siteId)
      issues.push({
        field: "body.professionalId",
        rule: "reference",
        message: "no such professional at this site",
      });
    if (body.reviewDate > today())
      issues.push({
        field: "body.reviewDate",
        rule: "future",
        message: `${body.reviewDate} is in the future`,
      });
    const seen = new Set<string>();
    body.raters.forEach((r, i) => {
      if (seen.has(r.rater))
        issues.push({
          field: `body.raters.${i}.rater`,
          rule: "unique",
          message: `${r.rater} is named twice`,
        });
      seen.add(r.rater);
      if (!scale) return;
      for (const [item, rating] of Object.entries(r.ratings)) {
        const field = `body.raters.${i}.ratings.${item}`;
        if (!scale.items.some((s) => s.id === item))
          issues.push({ field, rule: "unknown_item", message: `${scale.code} has no item "${item}"` });
        else if (!Number.isInteger(rating) || rating < scale.range.min || rating > scale.range.max)
          issues.push({
            field,
            rule: "range",
            params: { min: scale.range.min, max: scale.range.max },
            message: `ratings are whole numbers ${scale.range.min}–${scale.range.max}; ${rating} is not`,
          });
      }
    });
    if (body.raters.every((r) => Object.keys(r.ratings).length === 0))
      issues.push({ field: "body.raters", rule: "empty", message: "no item is rated" });
    if (issues.length) throw issuesError(issues);
    const result = scoreReview(scale!, body.raters);
    const row = await trx
      .insertInto("fidelity_reviews")
      .values({
        scale: scale!.code,
        scale_version: scale!.version,
        programme_id: body.programmeId,
        site_id: body.siteId,
        professional_id: body.professionalId,
        review_date: body.reviewDate,
        notes: body.notes,
        result: JSON.stringify(result),
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ratings = body.raters.flatMap((r) =>
      Object.entries(r.ratings).map(([item, rating]) => ({
        review_id: row.id,
        rater: r.rater,
        item,
        rating,
      })),
    );
    if (ratings.length) await trx.insertInto("fidelity_ratings").values(ratings).execute();
    const out = reviewRowToReview(row);
    return created(row, out);
  });
}
