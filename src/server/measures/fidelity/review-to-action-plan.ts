import type { z } from "zod";
import type { Actor } from "../../infra/audit/audit.ts";
import { coordinatedProgrammes } from "../../infra/auth/access.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, forbidden, invalid, notFound } from "../../infra/http/errors.ts";
import { canEditPlanning } from "../../planning/access.ts";
import { checkActionPlan } from "../../planning/action-plan/rules.ts";
import type { ActionPlanContent } from "../../planning/action-plan/schemas.ts";
import { loadProgrammeScope } from "../../planning/programme-scope.ts";
import { planningWrite } from "../../planning/versions/planning-write.ts";
import { loadCurrent } from "../../planning/versions/repository.ts";
import { writeVersion } from "../../planning/versions/write-version.ts";
import { findScale } from "./scales/index.ts";
import type { ActionPlanBody, ActionPlanResult } from "./schemas.ts";
import { lowItems, type ReviewResult } from "./score-review.ts";

/**
 * Turn the low items of a review (consensus rating at or below the threshold) into activities of
 * the site's action plan, through the planning toolkit: one strategic area per scale
 * ("Fidelity — <scale>", created when missing) with one sub-area per review, one activity per low
 * item, saying what the next rating up looks like. The plan is checked by the planning rules and
 * saved as its next version with the planning audit entry, plus an entry on the review — in one
 * transaction. Allowed to whoever may change the site's plan (administrators, the site's
 * coordinator) and to the programme's regional coordinators (as when they seed site plans).
 * 409 when this review's activities are already in the plan or no item is low.
 */
export async function reviewToActionPlan(
  db: Db,
  p: Principal,
  actor: Actor,
  reviewId: number,
  body: z.infer<typeof ActionPlanBody>,
): Promise<z.infer<typeof ActionPlanResult>> {
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
  const owner = { programmeId: programme.id, kind: "action_plan" as const, siteId: review.site_id };
  return planningWrite(db, actor, async (trx) => {
    const written = await writeVersion(
      trx,
      actor,
      owner,
      "action plan",
      body.baseVersion ?? "latest",
      async () => {
        const current = ((await loadCurrent(trx, owner))?.content as ActionPlanContent | undefined) ?? {
          strategicAreas: [],
        };
        if (
          current.strategicAreas.some(
            (sa) => sa.title === areaTitle && sa.subAreas.some((s) => s.title === subTitle),
          )
        )
          throw new AppError(
            "conflict",
            "the low items of this review are already activities of the site's action plan",
          );
        const activities = low.map((item) => {
          const next = Math.min(scale.range.max, Math.floor(item.mean!) + 1);
          const anchor = scale.items.find((i) => i.id === item.id)!.anchors[next];
          return {
            originId: null,
            title: `Raise "${item.name}" (rated ${item.mean} of ${scale.range.max})`.slice(0, 200),
            description: anchor ? `Aim for ${next}: ${anchor}.` : `Aim for ${next} on the next review.`,
            responsibleActor: body.responsibleActor,
            responsibleProfessionalCode: body.responsibleProfessionalCode,
            start: body.start,
            end: body.end,
            stakeholders: [],
            targetPopulation: "",
            finalBeneficiaries: "",
            status: "planned" as const,
            tocOutputNodeId: null,
          };
        });
        const sub = { title: subTitle, activities };
        const existing = current.strategicAreas.find((sa) => sa.title === areaTitle);
        const content: ActionPlanContent = {
          strategicAreas: existing
            ? current.strategicAreas.map((sa) =>
                sa === existing ? { ...sa, subAreas: [...sa.subAreas, sub] } : sa,
              )
            : [...current.strategicAreas, { title: areaTitle, description: scale.source, subAreas: [sub] }],
        };
        return checkActionPlan(trx, programme, review.site_id, content);
      },
    );
    const saved = written.stored.content as ActionPlanContent;
    const created = saved.strategicAreas
      .find((sa) => sa.title === areaTitle)!
      .subAreas.find((s) => s.title === subTitle)!
      .activities.map((a, i) => ({ id: a.id!, title: a.title, itemId: low[i]!.id, rating: low[i]!.mean! }));
    const result = {
      reviewId: review.id,
      programmeId: programme.id,
      siteId: review.site_id,
      planVersion: written.stored.version,
      strategicArea: areaTitle,
      subArea: subTitle,
      activities: created,
    };
    return {
      result,
      audits: [
        written.audit,
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
  });
}
