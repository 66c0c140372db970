import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { canShapeRegionReport, coordinatedProgrammes } from "../core/access/roles.ts";
import { coordinatorRegions, loadProgrammeScope } from "../core/programme-scope.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, issuesError, notFound } from "../infra/http/errors.ts";
import { Id } from "../shared/schemas.ts";
import { REPORT_LANGUAGES, type ReportLanguage } from "./request.ts";
import { loadTextOverrides, saveTextOverride } from "./text-overrides.ts";
import {
  checkSectionText,
  sectionsView,
  TEXT_MAX,
  TEXT_SECTIONS,
  type TextSection,
} from "./text-sections.ts";

const Lang = z.enum(REPORT_LANGUAGES);
const Section = z.enum(TEXT_SECTIONS);
const ListParams = z.strictObject({ id: Id });
const ListQuery = z.strictObject({ lang: Lang });
const SectionParams = z.strictObject({ id: Id, lang: Lang, section: Section });
const SaveBody = z.strictObject({
  text: z.string().max(TEXT_MAX),
  baseVersion: z.number().int().min(0).max(2_000_000_000),
});
const ResetQuery = z.strictObject({
  baseVersion: z.union([z.number(), z.string().regex(/^[0-9]{1,10}$/, "a whole number")]).transform(Number),
});

const SectionView = z.object({
  section: Section,
  defaultText: z.string(),
  text: z.string(),
  overridden: z.boolean(),
  placeholders: z.array(z.string()),
  version: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
const TextsView = z.object({ programmeId: z.number(), lang: Lang, sections: z.array(SectionView) });

/** The programme, if the principal may reword its report (admins, coordinators of its region); else 404/403. */
async function editableProgramme(db: Db, req: FastifyRequest, id: number): Promise<Principal> {
  const p = principalOf(req);
  const programme = await loadProgrammeScope(db, id);
  if (!programme) throw notFound("programme");
  const regions = await coordinatorRegions(db, coordinatedProgrammes(p));
  if (!canShapeRegionReport(p, programme.regionId, regions))
    throw forbidden(
      "only administrators and the regional coordinators of the programme's region may change its report texts",
    );
  return p;
}

async function view(db: Db, programmeId: number, lang: ReportLanguage) {
  return { programmeId, lang, sections: sectionsView(lang, await loadTextOverrides(db, programmeId, lang)) };
}

/**
 * The programme's own wording of the report's text sections, per language (issue 12):
 * GET the effective texts (default, own wording, which is overridden), PUT one section, DELETE
 * one section (back to the default). Administrators and the regional coordinators of the
 * programme's region only; every write audited (`report_text`).
 */
export function registerReportTextRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["report"];
  app.get(
    "/api/programmes/:id/report/texts",
    {
      schema: {
        tags,
        summary:
          "The report's text sections in a language: default, the programme's own wording, which is overridden",
        params: ListParams,
        querystring: ListQuery,
        response: { 200: TextsView },
      },
    },
    async (req) => {
      await editableProgramme(db, req, req.params.id);
      return view(db, req.params.id, req.query.lang);
    },
  );
  app.put(
    "/api/programmes/:id/report/texts/:lang/:section",
    {
      schema: {
        tags,
        summary: "Reword one text section of the programme's report in one language",
        params: SectionParams,
        body: SaveBody,
        response: { 200: TextsView },
      },
    },
    async (req) => {
      const p = await editableProgramme(db, req, req.params.id);
      const section = req.params.section as TextSection;
      const issues = checkSectionText(section, req.body.text);
      if (issues.length) throw issuesError(issues);
      await saveTextOverride(db, actorOf(p), {
        programmeId: req.params.id,
        section,
        lang: req.params.lang,
        text: req.body.text,
        baseVersion: req.body.baseVersion,
      });
      return view(db, req.params.id, req.params.lang);
    },
  );
  app.delete(
    "/api/programmes/:id/report/texts/:lang/:section",
    {
      schema: {
        tags,
        summary: "Put one text section of the programme's report back to the default wording",
        params: SectionParams,
        querystring: ResetQuery,
        response: { 200: TextsView },
      },
    },
    async (req) => {
      const p = await editableProgramme(db, req, req.params.id);
      await saveTextOverride(db, actorOf(p), {
        programmeId: req.params.id,
        section: req.params.section as TextSection,
        lang: req.params.lang,
        text: null,
        baseVersion: req.query.baseVersion,
      });
      return view(db, req.params.id, req.params.lang);
    },
  );
}
