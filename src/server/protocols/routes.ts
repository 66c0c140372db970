import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { canReadPlanning } from "../core/access/planning.ts";
import { resolveProgramme } from "../core/programme-scope.ts";
import { readableRegionsOf } from "../core/region-scope.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { AppError, forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { IdParams, Ok } from "../shared/schemas.ts";
import { canAssessSite, canEditProtocols, WHY } from "./access.ts";
import { assessmentOverview, listAssessments, recordAssessment } from "./assessments.ts";
import { canLinkItem, listDimensionLinks, listProgrammeLinks, setLink } from "./links.ts";
import { listProtocols, loadProtocol } from "./repository.ts";
import { createProtocol, saveProtocol } from "./save-protocol.ts";
import {
  AssessmentBody,
  AssessmentOverview,
  AssessmentParams,
  AssessmentView,
  CreateProtocolBody,
  DimensionParams,
  LinkBody,
  LinkQuery,
  LinkView,
  ListQuery,
  ProgrammeIdParams,
  ProtocolRegion,
  ProtocolSummary,
  ProtocolVersionParams,
  ProtocolView,
  SaveProtocolBody,
  SearchQuery,
  SearchResult,
  SiteAssessments,
  TemplateSummary,
  ToolParams,
  ToolView,
  Versions,
} from "./schemas.ts";
import { resolveProtocol, resolveRegion } from "./scope.ts";
import { searchProtocols } from "./search.ts";
import { TEMPLATES } from "./template-mhsu.ts";
import { contentDisposition, deleteTool, readToolFile, toolProtocol, uploadTool } from "./tools.ts";

/**
 * The protocol learning system (issue 13, part 1): a region's protocols — dimensions with what is
 * expected, examples, case studies and tools (uploaded files) — versioned with optimistic locking,
 * searched in their own language, linked from planning's activities and SWOT items, and used by
 * sites to assess themselves. Access: access.ts; every write audited.
 */
export function registerProtocolRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const tags = ["protocols"];
  const maxBytes = ctx.config.protocolToolMaxMb * 1024 * 1024;

  app.get(
    "/api/protocols/regions",
    {
      schema: {
        tags,
        summary: "Regions whose protocols the user reads, and whether they edit them",
        response: { 200: z.array(ProtocolRegion) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { grants: g, readable } = await readableRegionsOf(db, p);
      if (readable !== "all" && readable.size === 0) return [];
      let q = db.selectFrom("regions").select(["id", "code", "name"]);
      if (readable !== "all") q = q.where("id", "in", [...readable]);
      const rows = await q.orderBy("name").execute();
      return rows.map((r) => ({ ...r, canEdit: canEditProtocols(p, r.id, g) }));
    },
  );

  app.get(
    "/api/protocols/templates",
    {
      schema: {
        tags,
        summary: "The shipped protocol templates",
        response: { 200: z.array(TemplateSummary) },
      },
    },
    async () =>
      Object.entries(TEMPLATES).flatMap(([code, byLanguage]) =>
        (["en", "it"] as const).map((language) => ({
          code,
          language,
          title: byLanguage[language].title,
          dimensions: byLanguage[language].dimensions.map((d) => d.title),
        })),
      ),
  );

  app.get(
    "/api/protocols",
    {
      schema: {
        tags,
        summary: "The protocols the user reads",
        querystring: ListQuery,
        response: { 200: z.array(ProtocolSummary) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { grants: g, readable } = await readableRegionsOf(db, p);
      if (req.query.regionId !== undefined) await resolveRegion(db, req, req.query.regionId, "read");
      const regions =
        req.query.regionId !== undefined ? [req.query.regionId] : readable === "all" ? "all" : [...readable];
      const rows = await listProtocols(db, regions);
      return rows.map((r) => ({ ...r, canEdit: canEditProtocols(p, r.regionId, g) }));
    },
  );

  app.post(
    "/api/protocols",
    {
      schema: {
        tags,
        summary: "Create a region's protocol, empty or from a template",
        body: CreateProtocolBody,
        response: { 201: ProtocolView },
      },
    },
    async (req, reply) => {
      const { regionId, language, template, content } = req.body;
      const { principal } = await resolveRegion(db, req, regionId, "edit");
      const start = template !== null ? TEMPLATES[template][language] : content;
      if (!start) throw invalid("body.content", "required", "send the content or choose a template");
      const id = await createProtocol(db, actorOf(principal), regionId, language, start);
      return reply.status(201).send((await loadProtocol(db, id, true))!);
    },
  );

  app.get(
    "/api/protocols/search",
    {
      schema: {
        tags,
        summary: "Full-text search over the protocols the user reads",
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req) => {
      const p = principalOf(req);
      let regions: "all" | number[];
      if (req.query.regionId !== undefined) {
        await resolveRegion(db, req, req.query.regionId, "read");
        regions = [req.query.regionId];
      } else {
        const { readable } = await readableRegionsOf(db, p);
        regions = readable === "all" ? "all" : [...readable];
      }
      return { query: req.query.q, hits: await searchProtocols(db, req.query.q, regions) };
    },
  );

  app.get(
    "/api/protocols/:id",
    {
      schema: {
        tags,
        summary: "A protocol's current version with its tools",
        params: IdParams,
        response: { 200: ProtocolView },
      },
    },
    async (req) => {
      const { protocol, canEdit } = await resolveProtocol(db, req, req.params.id, "read");
      return (await loadProtocol(db, protocol.id, canEdit))!;
    },
  );

  app.put(
    "/api/protocols/:id",
    {
      schema: {
        tags,
        summary: "Save a new version of a protocol (optimistic lock: baseVersion)",
        params: IdParams,
        body: SaveProtocolBody,
        response: { 200: ProtocolView },
      },
    },
    async (req) => {
      const { principal, protocol } = await resolveProtocol(db, req, req.params.id, "edit");
      const { baseVersion, ...content } = req.body;
      await saveProtocol(db, actorOf(principal), protocol.id, baseVersion, content);
      return (await loadProtocol(db, protocol.id, true))!;
    },
  );

  app.get(
    "/api/protocols/:id/versions",
    {
      schema: {
        tags,
        summary: "A protocol's versions, newest first",
        params: IdParams,
        response: { 200: Versions },
      },
    },
    async (req) => {
      const { protocol } = await resolveProtocol(db, req, req.params.id, "read");
      const rows = await db
        .selectFrom("protocol_versions")
        .select(["version", "created_at", "author"])
        .where("protocol_id", "=", protocol.id)
        .orderBy("version", "desc")
        .execute();
      return rows.map((r) => ({
        version: r.version,
        savedAt: new Date(r.created_at).toISOString(),
        savedBy: r.author,
      }));
    },
  );

  app.get(
    "/api/protocols/:id/versions/:version",
    {
      schema: {
        tags,
        summary: "One version of a protocol",
        params: ProtocolVersionParams,
        response: { 200: ProtocolView },
      },
    },
    async (req) => {
      const { protocol, canEdit } = await resolveProtocol(db, req, req.params.id, "read");
      const view = await loadProtocol(db, protocol.id, canEdit, req.params.version);
      if (!view) throw notFound("version");
      return view;
    },
  );

  app.get(
    "/api/protocols/:id/dimensions/:dimensionId/links",
    {
      schema: {
        tags,
        summary: "The activities and SWOT items that address a dimension",
        params: DimensionParams,
        response: { 200: z.array(LinkView) },
      },
    },
    async (req) => {
      const { principal, protocol } = await resolveProtocol(db, req, req.params.id, "read");
      return listDimensionLinks(db, principal, protocol.id, req.params.dimensionId);
    },
  );

  // Tools: multipart upload in a scope of its own (the parser is only needed here).
  app.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: maxBytes + 1, files: 1, fields: 4, fieldSize: 1024 },
      throwFileSizeLimit: false,
    });
    scoped.withTypeProvider<ZodTypeProvider>().post(
      "/api/protocols/:id/dimensions/:dimensionId/tools",
      {
        schema: {
          tags,
          summary: "Upload a tool (PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG, CSV) to a dimension",
          params: DimensionParams,
          consumes: ["multipart/form-data"],
          // Read from the multipart stream below; declared so the OpenAPI document says so.
          body: z.any().describe("one file, field `file`"),
          response: { 201: ToolView },
        },
      },
      async (req, reply) => {
        const { principal, protocol } = await resolveProtocol(db, req, req.params.id, "edit");
        const file = await receiveFile(req);
        const tool = await uploadTool(
          db,
          actorOf(principal),
          protocol.id,
          req.params.dimensionId,
          file,
          maxBytes,
        );
        return reply.status(201).send(tool);
      },
    );
  });

  app.get(
    "/api/protocols/tools/:toolId/download",
    { schema: { tags, summary: "Download a tool", params: ToolParams } },
    async (req, reply) => {
      const protocolId = await toolProtocol(db, req.params.toolId);
      if (protocolId === undefined) throw notFound("tool");
      await resolveProtocol(db, req, protocolId, "read");
      const file = await readToolFile(db, req.params.toolId);
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .send(file.bytes);
    },
  );

  app.delete(
    "/api/protocols/tools/:toolId",
    { schema: { tags, summary: "Remove a tool", params: ToolParams, response: { 200: Ok } } },
    async (req) => {
      const protocolId = await toolProtocol(db, req.params.toolId);
      if (protocolId === undefined) throw notFound("tool");
      const { principal } = await resolveProtocol(db, req, protocolId, "edit");
      await deleteTool(db, actorOf(principal), protocolId, req.params.toolId);
      return { ok: true as const };
    },
  );

  // Links from planning items.
  app.get(
    "/api/programmes/:id/protocol-links",
    {
      schema: {
        tags,
        summary: "Dimensions the programme's activities and SWOT items address",
        params: ProgrammeIdParams,
        querystring: LinkQuery,
        response: { 200: z.array(LinkView) },
      },
    },
    async (req) => {
      const siteId = req.query.siteId ?? null;
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        siteId,
        (p, prog) => canReadPlanning(p, prog, siteId),
        "you may see only the planning of your own sites and programmes",
      );
      return listProgrammeLinks(db, principal, programme, req.query.siteId);
    },
  );

  app.put(
    "/api/programmes/:id/protocol-links",
    {
      schema: {
        tags,
        summary: "Set or remove the dimension an activity or SWOT item addresses",
        params: ProgrammeIdParams,
        body: LinkBody,
        response: { 200: LinkView.nullable() },
      },
    },
    async (req) => {
      const { siteId } = req.body;
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        siteId,
        (p, prog) => canLinkItem(p, prog, siteId),
        WHY.link,
      );
      return setLink(db, actorOf(principal), programme, req.body);
    },
  );

  app.get(
    "/api/programmes/:id/protocol-assessments",
    {
      schema: {
        tags,
        summary: "Each site's latest self-assessment, summarised (planning overview)",
        params: ProgrammeIdParams,
        response: { 200: AssessmentOverview },
      },
    },
    async (req) => {
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.id,
        null,
        (p, prog) => canReadPlanning(p, prog, null),
        "you may see only the planning of programmes you take part in",
      );
      return { sites: await assessmentOverview(db, principal, programme) };
    },
  );

  // Self-assessment.
  const resolveAssessment = async (req: FastifyRequest, protocolId: number, siteId: number) => {
    const access = await resolveProtocol(db, req, protocolId, "read");
    const site = await db
      .selectFrom("sites")
      .select(["id", "code", "name", "region_id"])
      .where("id", "=", siteId)
      .executeTakeFirst();
    if (!site) throw notFound("site");
    if (!canAssessSite(access.principal, access.protocol.regionId, site.id, site.region_id, access.grants))
      throw forbidden(WHY.assess, "not_your_site");
    return { ...access, site };
  };

  app.get(
    "/api/protocols/:id/sites/:siteId/assessments",
    {
      schema: {
        tags,
        summary: "A site's self-assessments against a protocol, newest first",
        params: AssessmentParams,
        response: { 200: SiteAssessments },
      },
    },
    async (req) => {
      const { protocol, site } = await resolveAssessment(req, req.params.id, req.params.siteId);
      return {
        protocolId: protocol.id,
        siteId: site.id,
        siteCode: site.code,
        siteName: site.name,
        canWrite: true,
        history: await listAssessments(db, protocol.id, site.id),
      };
    },
  );

  app.post(
    "/api/protocols/:id/sites/:siteId/assessments",
    {
      schema: {
        tags,
        summary: "Record a site's self-assessment (history kept)",
        params: AssessmentParams,
        body: AssessmentBody,
        response: { 201: AssessmentView },
      },
    },
    async (req, reply) => {
      const { principal, protocol, site } = await resolveAssessment(req, req.params.id, req.params.siteId);
      return reply
        .status(201)
        .send(await recordAssessment(db, actorOf(principal), protocol.id, site.id, req.body));
    },
  );
}

/** The one file of a multipart request (field `file`): its name and bytes, the bytes cut one past the limit. */
async function receiveFile(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!req.isMultipart())
    throw new AppError("unsupported_media_type", "send the file as multipart/form-data");
  const part = await req.file();
  if (part?.fieldname !== "file") throw invalid("body.file", "required", "send one file in the field `file`");
  return { name: part.filename, bytes: await part.toBuffer() };
}
