import { canEditPlanning } from "../../core/access/planning.ts";
import { coordinatedProgrammes } from "../../core/access/roles.ts";
import { loadProgrammeScope } from "../../core/programme-scope.ts";
import type { Actor } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, forbidden, invalid, notFound } from "../../infra/http/errors.ts";
import { addToActionPlan } from "../../planning/public.ts";
import { findScale } from "./scales/index.ts";
import type { ActionPlanBody, ActionPlanResult } from "./schemas.ts";
import { lowItems, type ReviewResult } from "./score-review.ts";

/**
 * Turn the low items of a review (consensus rating at or below the threshold) into activities of
 * the site's action plan, through the planning toolkit: one strategic area per scale
 * ("Fidelity — <scale>", created when missing) with one sub-area per review, one activity per low
 * item, saying what the next rating up looks like. The plan is checked by the planning rules and
 * saved as its next version with the planning audit entry, plus an entry on the review — in one
 * transaction (planning/public.ts: `addToActionPlan`). Allowed to whoever may change the site's plan (administrators, the site's
 * coordinator) and to the programme's regional coordinators (as when they seed site plans).
 * 409 when this review's activities are already in the plan or no item is low.
 */
export async function reviewToActionPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  reviewId: number,
  body: ActionPlanBody,
): Promise<ActionPlanResult> {
  const review = await db
    .selectFrom("fidelity_reviews")
    .selectAll()
    .where("id", "=", reviewId)
    .executeTakeFirst();
  if (!review) throw notFound("review");
  const programme = (await loadProgrammeScope(db, review.programme_id))!;
  if (!canEditPlanning(p, programme, review.site_id) && !coordinatedProgrammes(p).includes(programme.id))
    throw forbidden(
      "only an administrator, the site's coordinator or a regional coordinator of the programme may add to the site's action plan",
    );
  if (body.end < body.start)
    throw invalid(
      "body.end",
      "end_before_start",
      `the end (${body.end}) is before the start (${body.start})`,
    );
  const scale = findScale(review.scale)!;
  const threshold = body.threshold ?? scale.lowThreshold;
  const low = lowItems(review.result as ReviewResult, threshold);
  if (low.length === 0)
    throw new AppError(
      "conflict",
      `no item of this review is rated at or below ${threshold}: there is nothing to act on`,
      [{ field: "body.threshold", rule: "no_low_items", message: `no item at or below ${threshold}` }],
    );
  const areaTitle = `Fidelity — ${scale.name}`;
  const subTitle = `Review of ${review.review_date} (#${review.id})`;
  const activities = low.map((item) => {
    const next = Math.min(scale.range.max, Math.floor(item.mean!) + 1);
    const anchor = scale.items.find((i) => i.id === item.id)!.anchors[next];
    return {
      title: `Raise "${item.name}" (rated ${item.mean} of ${scale.range.max})`.slice(0, 200),
      description: anchor ? `Aim for ${next}: ${anchor}.` : `Aim for ${next} on the next review.`,
      responsibleActor: body.responsibleActor,
      responsibleProfessionalCode: body.responsibleProfessionalCode,
      start: body.start,
      end: body.end,
    };
  });
  return addToActionPlan(
    db,
    actor,
    {
      programme,
      siteId: review.site_id,
      baseVersion: body.baseVersion ?? "latest",
      area: { title: areaTitle, description: scale.source },
      subArea: { title: subTitle, activities },
      alreadyThere: "the low items of this review are already activities of the site's action plan",
    },
    (added) => {
      const result = {
        reviewId: review.id,
        programmeId: programme.id,
        siteId: review.site_id,
        planVersion: added.version,
        strategicArea: areaTitle,
        subArea: subTitle,
        activities: added.activityIds.map((id, i) => ({
          id,
          title: activities[i]!.title,
          itemId: low[i]!.id,
          rating: low[i]!.mean!,
        })),
      };
      return {
        result,
        audits: [
          {
            action: "action_plan",
            entity: "fidelity_review",
            entityId: review.id,
            siteId: review.site_id,
            programmeId: programme.id,
            detail: { before: null, after: result, threshold },
          },
        ],
      };
    },
  );
}
