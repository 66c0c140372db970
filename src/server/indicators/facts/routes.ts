import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { requireAdmin } from "../../core/access/guards.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { notFound } from "../../infra/http/errors.ts";
import { CivilDate, IdParams } from "../../shared/schemas.ts";
import { loadProgrammeContext } from "../service.ts";
import { factsStatus, listVerifications, rebuildFacts, runVerification } from "./maintenance.ts";
import { defaultVerifyDates } from "./verify.ts";

const CellOut = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  size: z.number().nullable(),
});
const VerificationOut = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  asOf: z.array(z.string()),
  cells: z.number().int(),
  differences: z.number().int(),
  startedBy: z.string(),
  detail: z.object({
    missing: z.boolean(),
    differences: z.array(
      z.object({
        asOf: z.string(),
        by: z.string(),
        indicator: z.string(),
        group: z.string().nullable(),
        facts: CellOut.nullable(),
        recomputed: CellOut.nullable(),
      }),
    ),
  }),
});
const FactsStatusOut = z.object({
  programmes: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      builtAt: z.string().nullable(),
      enrolments: z.number().int(),
      lastVerification: VerificationOut.nullable(),
    }),
  ),
});
const VerifyBody = z.strictObject({
  asOf: z.array(CivilDate).min(1, "at least one date").max(12, "at most 12 dates").optional(),
});

/**
 * The indicator facts as operators see them (administrators only): when each programme's facts
 * were built and last verified, a verification now, a rebuild. See docs/operations.md.
 */
export function registerIndicatorFactsRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["indicators"];

  app.get(
    "/api/indicator-facts",
    {
      schema: {
        tags,
        summary: "Each programme's facts: built when, last verified when and with what result",
        response: { 200: FactsStatusOut },
      },
    },
    async (req) => {
      requireAdmin(req);
      const [programmes, status, latest] = await Promise.all([
        db.selectFrom("programmes").select(["id", "code", "name"]).orderBy("code").execute(),
        factsStatus(db),
        listVerifications(db, { latestOnly: true }),
      ]);
      return {
        programmes: programmes.map((p) => ({
          id: p.id,
          code: p.code,
          name: p.name,
          builtAt: status.get(p.id)?.builtAt ?? null,
          enrolments: status.get(p.id)?.enrolments ?? 0,
          lastVerification: latest.find((v) => v.programmeId === p.id) ?? null,
        })),
      };
    },
  );

  app.get(
    "/api/programmes/:id/indicator-facts/verifications",
    {
      schema: {
        tags,
        summary: "The programme's verifications, newest first",
        params: IdParams,
        response: { 200: z.array(VerificationOut) },
      },
    },
    async (req) => {
      requireAdmin(req);
      const ctx = await loadProgrammeContext(db, req.params.id);
      if (!ctx) throw notFound("programme");
      return listVerifications(db, { programmeId: ctx.id });
    },
  );

  app.post(
    "/api/programmes/:id/indicator-facts/verify",
    {
      schema: {
        tags,
        summary: "Recompute the catalogue from the registry and compare it with the facts (recorded)",
        params: IdParams,
        body: VerifyBody,
        response: { 200: VerificationOut },
      },
    },
    async (req) => {
      const p = requireAdmin(req);
      const ctx = await loadProgrammeContext(db, req.params.id);
      if (!ctx) throw notFound("programme");
      const { record } = await runVerification(db, ctx, req.body.asOf ?? defaultVerifyDates(), actorOf(p));
      return record;
    },
  );

  app.post(
    "/api/programmes/:id/indicator-facts/rebuild",
    {
      schema: {
        tags,
        summary: "Rebuild the programme's facts from the registry (one transaction)",
        params: IdParams,
        response: { 200: z.object({ enrolments: z.number().int(), ms: z.number().int() }) },
      },
    },
    async (req) => {
      const p = requireAdmin(req);
      const ctx = await loadProgrammeContext(db, req.params.id);
      if (!ctx) throw notFound("programme");
      return rebuildFacts(db, ctx, actorOf(p));
    },
  );
}
