import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { invalid } from "../../infra/http/errors.ts";
import { resolveDefinitionsEditor, resolvePlanningReader } from "../programme-access.ts";
import { ProgrammeParams } from "../schemas.ts";
import { applyTemplate } from "./apply-template.ts";
import { TEMPLATES, templateSummary } from "./catalogue.ts";
import { localiseTemplate } from "./localise.ts";
import { TEMPLATE_PARTS } from "./template.ts";

const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  contents: z.record(z.string(), z.number().int()),
});
/** The languages templates are written in; a user's own language when none is asked for. */
const TemplateLanguage = z.enum(["en", "it"]);
const languageOf = (asked: "en" | "it" | undefined, principal: { language: string }): "en" | "it" =>
  asked ?? (principal.language === "it" ? "it" : "en");
const TemplatesQuery = z.strictObject({ language: TemplateLanguage.optional() });
const ApplyBody = z.strictObject({
  template: z.string().min(1).max(64),
  /** The language the applied texts are written in (they become the programme's content). */
  language: TemplateLanguage.optional(),
  /** Which parts to apply; all by default. */
  parts: z
    .array(z.enum(TEMPLATE_PARTS))
    .min(1)
    .refine((p) => new Set(p).size === p.length, "each part at most once")
    .default([...TEMPLATE_PARTS]),
  /** Save over existing artefacts as new versions; otherwise existing ones are a 409. */
  replace: z.boolean().default(false),
});
const Applied = z.object({
  template: z.string(),
  applied: z.array(z.object({ part: z.enum(TEMPLATE_PARTS), version: z.number().int() })),
  /** Artefacts the programme's sites started from the region's with this application, and how many sites. */
  started: z.array(z.object({ kind: z.string(), sites: z.number().int() })),
});

/** The shipped planning templates and applying one to a programme. */
export function registerTemplateRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["planning"];
  app.get(
    "/api/programmes/:programmeId/planning/templates",
    {
      schema: {
        tags,
        params: ProgrammeParams,
        querystring: TemplatesQuery,
        response: { 200: z.array(TemplateSummary) },
      },
    },
    async (req) => {
      const { principal } = await resolvePlanningReader(db, req, req.params.programmeId, null);
      const language = languageOf(req.query.language, principal);
      return [...TEMPLATES.values()].map((t) => templateSummary(localiseTemplate(t, language)));
    },
  );
  app.post(
    "/api/programmes/:programmeId/planning/apply-template",
    { schema: { tags, params: ProgrammeParams, body: ApplyBody, response: { 200: Applied } } },
    async (req) => {
      const { principal, programme } = await resolveDefinitionsEditor(
        db,
        req,
        req.params.programmeId,
        "only an administrator or a regional coordinator of this programme may apply a template to it",
      );
      const template = TEMPLATES.get(req.body.template);
      if (!template)
        throw invalid(
          "body.template",
          "reference",
          `no template "${req.body.template}"; known: ${[...TEMPLATES.keys()].join(", ")}`,
        );
      return applyTemplate(
        db,
        actorOf(principal),
        principal,
        programme,
        localiseTemplate(template, languageOf(req.body.language, principal)),
        req.body.parts,
        req.body.replace,
      );
    },
  );
}
