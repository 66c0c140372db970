import type { AppContext, ZodApp } from "../../context.ts";
import { openAggregate } from "../../core/access/aggregates.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { principalOf } from "../../infra/auth/plugin.ts";
import { IdParams } from "../../shared/schemas.ts";
import { compareSites } from "./compare-sites.ts";
import { createReview } from "./create-review.ts";
import { getReview, reviewHistory } from "./read-reviews.ts";
import { reviewToActionPlan } from "./review-to-action-plan.ts";
import { SCALES } from "./scales/index.ts";
import {
  ActionPlanBody,
  ActionPlanResult,
  Comparison,
  ComparisonQuery,
  Review,
  ReviewBody,
  ReviewHistory,
  ReviewHistoryQuery,
  ReviewParams,
  ScaleList,
} from "./schemas.ts";

/** Fidelity and integrity: scales, reviews by one or more raters, history, site comparison, action plan. */
export function registerFidelityRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.get("/api/fidelity/scales", { schema: { tags, response: { 200: ScaleList } } }, async (req) => {
    principalOf(req);
    return SCALES.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        ...i,
        anchors: Object.fromEntries(Object.entries(i.anchors).map(([k, v]) => [k, v])),
      })),
    }));
  });

  app.post(
    "/api/fidelity/reviews",
    { schema: { tags, body: ReviewBody, response: { 201: Review } } },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.status(201).send(await createReview(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/fidelity/reviews/:id",
    { schema: { tags, params: ReviewParams, response: { 200: Review } } },
    async (req) => getReview(db, principalOf(req), req.params.id),
  );

  app.get(
    "/api/sites/:id/fidelity/reviews",
    { schema: { tags, params: IdParams, querystring: ReviewHistoryQuery, response: { 200: ReviewHistory } } },
    async (req) => ({
      items: await reviewHistory(db, principalOf(req), req.params.id, req.query.programmeId, req.query.scale),
    }),
  );

  app.get(
    "/api/programmes/:id/fidelity/comparison",
    { schema: { tags, params: IdParams, querystring: ComparisonQuery, response: { 200: Comparison } } },
    async (req) => compareSites(db, await openAggregate(db, req, req.params.id), req.query.scale),
  );

  app.post(
    "/api/fidelity/reviews/:id/action-plan",
    { schema: { tags, params: ReviewParams, body: ActionPlanBody, response: { 201: ActionPlanResult } } },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.status(201).send(await reviewToActionPlan(db, p, actorOf(p), req.params.id, req.body));
    },
  );
}
