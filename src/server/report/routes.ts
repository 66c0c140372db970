import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { canReadProgramme, coordinatedProgrammes, isAdmin } from "../core/access/roles.ts";
import { loadProgrammeContext, seesEverything } from "../indicators/public.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { AppError, forbidden, notFound } from "../infra/http/errors.ts";
import { Id } from "../shared/schemas.ts";
import { buildReport, REPORT_FORMATS } from "./build.ts";
import { ChromiumMissingError } from "./pdf.ts";
import { checkLanguage, checkPeriod, type ReportInputIssue } from "./request.ts";
import { registerReportTextRoutes } from "./text-routes.ts";

const Params = z.strictObject({ id: Id });
const Query = z.strictObject({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  lang: z.string().max(10).optional(),
  format: z.enum(REPORT_FORMATS).default("pdf"),
});

function refuse(issue: ReportInputIssue): AppError {
  const field = `querystring.${issue.field === "period" ? "from" : issue.field}`;
  return new AppError("validation", `${field}: ${issue.message}`, [
    { field, rule: issue.rule, ...(issue.params ? { params: issue.params } : {}), message: issue.message },
  ]);
}

/**
 * GET /api/programmes/:id/report — the monitoring report (report/build.ts) as a PDF or HTML
 * download. Whoever may read the programme's indicators may have it, with the same numbers the
 * indicators API gives them: viewers and users of only some of its sites get small cells
 * suppressed, and site-level planning only as counts. Every report handed out is audited.
 */
export function registerReportRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  registerReportTextRoutes(app, ctx);
  app.get(
    "/api/programmes/:id/report",
    {
      schema: {
        tags: ["report"],
        summary: "The programme's monitoring report over a period (PDF or HTML), in English or Italian",
        params: Params,
        querystring: Query,
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const period = checkPeriod(req.query.from, req.query.to);
      if (!period.ok) throw refuse(period.issue);
      const lang = checkLanguage(req.query.lang);
      if (!lang.ok) throw refuse(lang.issue);
      const ctx = await loadProgrammeContext(db, req.params.id);
      if (!ctx) throw notFound("programme");
      if (!canReadProgramme(p, { id: ctx.id, siteIds: ctx.siteIds }))
        throw forbidden("you may have the report only of a programme you work in", "not_your_programme");
      const audience = {
        suppress: !seesEverything(p, ctx),
        sitePlanning: isAdmin(p) || coordinatedProgrammes(p).includes(ctx.id),
      };
      const format = req.query.format;
      let built: Awaited<ReturnType<typeof buildReport>>;
      try {
        built = await buildReport(db, ctx.id, { period: period.value, lang: lang.value, format, audience });
      } catch (err) {
        if (err instanceof ChromiumMissingError) throw new AppError("unavailable", err.message);
        throw err;
      }
      if (!built) throw notFound("programme");
      await audit(db, actorOf(p), {
        action: "export",
        entity: "report",
        entityId: ctx.id,
        programmeId: ctx.id,
        detail: {
          programme: ctx.code,
          ...period.value,
          lang: lang.value,
          format,
          suppressed: audience.suppress,
        },
      });
      return reply
        .type(built.contentType)
        .header("content-disposition", `attachment; filename="${built.fileName}"`)
        .send(built.body);
    },
  );
}
