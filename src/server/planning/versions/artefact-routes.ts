import type { Transaction } from "kysely";
import { z } from "zod";
import { type Sheet, sheetColumns, writeXlsx } from "../../../shared/xlsx.ts";
import type { ZodApp } from "../../context.ts";
import { canEditDefinitions, canEditPlanning, canReadPlanning, WHY } from "../../core/access/planning.ts";
import { type ProgrammeWithSites, resolveProgramme } from "../../core/programme-scope.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { Executor } from "../../infra/db/executor.ts";
import type { DB } from "../../infra/db/schema.ts";
import { notFound } from "../../infra/http/errors.ts";
import { Id } from "../../shared/schemas.ts";
import { type Report, renderPdf } from "../export/pdf.ts";
import { startSitesFromRegion } from "../from-region/copy.ts";
import { registerFromRegionRoutes } from "../from-region/routes.ts";
import { Comparison, documentOf, VersionNumber, VersionSummary } from "../schemas.ts";
import { diffSnapshots } from "./diff.ts";
import type { ArtefactKind, Owner } from "./owner.ts";
import { planningWrite } from "./planning-write.ts";
import { listVersions, loadCurrent, loadVersion, type StoredVersion } from "./repository.ts";
import { writeVersion } from "./write-version.ts";

/** Where an artefact is mounted: a path under `/api/programmes/:programmeId/planning/` and its owner. */
export interface Mount {
  /** e.g. `swot/region`, `swot/sites/:siteId`, `questionnaires/:questionnaireId/definition`. */
  path: string;
  /** Path parameters besides `programmeId` (all positive integer ids). */
  params: string[];
  /** The owner for these parameters; may throw 404 (unknown questionnaire or round). */
  owner: (db: Executor, programmeId: number, params: Record<string, number>) => Promise<Owner>;
}

export interface Context {
  db: Executor;
  owner: Owner;
  programme: ProgrammeWithSites;
  principal: Principal;
}

export interface ExportMeta {
  programmeCode: string;
  scope: string;
  what: string;
  version: number;
  savedAt: string | null;
  savedBy: string | null;
}

/** One kind of versioned planning artefact, plugged into the generic routes below. */
export interface ArtefactSpec<C extends object, V extends object = C> {
  kind: ArtefactKind;
  /** How users call it, for messages and exports: "SWOT analysis". */
  what: string;
  mounts: Mount[];
  /** Programme-level definition: changed by administrators and regional coordinators only. */
  definition?: boolean;
  /** The content of a save (the PUT body without `baseVersion`); a strict object. */
  body: z.ZodObject;
  /** The content as answered (`view` output). */
  viewSchema: z.ZodType<V>;
  /** The content before the first save. */
  empty: (ctx: Context) => Promise<C> | C;
  /** Check the content against the rest of the programme (400 naming fields) and complete it (ids). */
  prepare: (ctx: Context & { db: Transaction<DB> }, content: C) => Promise<C>;
  /** Derived fields for reading (overdue flags, resolved references). */
  view?: (ctx: Context, content: C) => Promise<V>;
  sheets: (ctx: Context, content: V, meta: ExportMeta) => Promise<Sheet[]> | Sheet[];
  report?: (ctx: Context, content: V, meta: ExportMeta) => Promise<Report> | Report;
  /**
   * How a site starts from the region's version (planning/from-region); absent for artefacts a
   * site never copies (SWOT, roadmap: the site's own findings and commitments; definitions).
   */
  fromRegion?: FromRegion<C>;
}

export interface FromRegion<C> {
  /**
   * Copied to every site of the programme that has no version yet, whenever the region saves
   * one (template applied included); otherwise a site starts from it only when asked.
   */
  automatic: boolean;
  /** The region's content made the site's (`ctx.owner` is the site's); checked by `prepare` after. */
  adapt: (ctx: Context & { db: Transaction<DB> }, region: C) => Promise<C> | C;
}

const BASE = "/api/programmes/:programmeId/planning/";

const paramsSchema = (names: string[]) =>
  z.strictObject(
    Object.fromEntries(["programmeId", ...names].map((n) => [n, Id])) as Record<string, typeof Id>,
  );

/** Who may read and change an owner's artefact. */
function rules(spec: { definition?: boolean }, owner: Owner) {
  return {
    read: (p: Principal, prog: ProgrammeWithSites) => canReadPlanning(p, prog, owner.siteId),
    edit: (p: Principal, prog: ProgrammeWithSites) =>
      spec.definition ? canEditDefinitions(p, prog) : canEditPlanning(p, prog, owner.siteId),
    whyEdit: spec.definition ? WHY.definitions : owner.siteId === null ? WHY.editRegion : WHY.editSite,
  };
}

/** The GET/PUT, history, comparison and export routes of one artefact kind, at each of its mounts. */
export function registerArtefactRoutes<C extends object, V extends object>(
  app: ZodApp,
  db: Db,
  spec: ArtefactSpec<C, V>,
): void {
  const tags = ["planning"];
  const Document = documentOf(spec.viewSchema);
  const SaveBody = spec.body.extend({
    /** The version the client started from: 0 to create, the current version to change it. */
    baseVersion: z.number().int().min(0).max(2_147_483_647),
  });
  const view = async (ctx: Context, content: C): Promise<V> =>
    spec.view ? spec.view(ctx, content) : (content as unknown as V);

  for (const mount of spec.mounts) {
    const url = BASE + mount.path;
    const Params = paramsSchema(mount.params);

    /** Programme, owner and principal of a request, after the access check. */
    const open = async (req: Parameters<typeof resolveProgramme>[1], mode: "read" | "edit") => {
      const params = req.params as Record<string, number>;
      const programmeId = params.programmeId!;
      const owner = await mount.owner(db, programmeId, params);
      const r = rules(spec, owner);
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        programmeId,
        owner.siteId,
        mode === "read" ? r.read : r.edit,
        mode === "read" ? WHY.read : r.whyEdit,
      );
      const ctx: Context = { db, owner, programme, principal };
      return { ctx, canEdit: r.edit(principal, programme) };
    };

    const answer = async (ctx: Context, canEdit: boolean, stored: StoredVersion | undefined) => ({
      programmeId: ctx.owner.programmeId,
      siteId: ctx.owner.siteId,
      kind: spec.kind,
      version: stored?.version ?? 0,
      savedAt: stored?.savedAt ?? null,
      savedBy: stored?.savedBy ?? null,
      canEdit,
      content: await view(ctx, (stored?.content as C | undefined) ?? (await spec.empty(ctx))),
    });

    app.get(url, { schema: { tags, params: Params, response: { 200: Document } } }, async (req) => {
      const { ctx, canEdit } = await open(req, "read");
      return answer(ctx, canEdit, await loadCurrent(db, ctx.owner));
    });

    app.put(
      url,
      { schema: { tags, params: Params, body: SaveBody, response: { 200: Document } } },
      async (req) => {
        const { ctx } = await open(req, "edit");
        const { baseVersion, ...content } = req.body as { baseVersion: number } & C;
        const stored = await planningWrite(db, actorOf(ctx.principal), async (trx) => {
          const written = await writeVersion(
            trx,
            actorOf(ctx.principal),
            ctx.owner,
            spec.what,
            baseVersion,
            () => spec.prepare({ ...ctx, db: trx }, content as unknown as C),
          );
          // the region's version is where sites without one start (planning/from-region)
          const started =
            ctx.owner.siteId === null
              ? await startSitesFromRegion(
                  { trx, actor: actorOf(ctx.principal), principal: ctx.principal, programme: ctx.programme },
                  spec,
                )
              : [];
          return { result: written.stored, audits: [written.audit, ...started] };
        });
        return answer(ctx, true, stored);
      },
    );

    app.get(
      `${url}/versions`,
      { schema: { tags, params: Params, response: { 200: z.array(VersionSummary) } } },
      async (req) => {
        const { ctx } = await open(req, "read");
        return listVersions(db, ctx.owner);
      },
    );

    const VersionParams = Params.extend({ version: VersionNumber });
    app.get(
      `${url}/versions/:version`,
      { schema: { tags, params: VersionParams, response: { 200: Document } } },
      async (req) => {
        const { ctx, canEdit } = await open(req, "read");
        const stored = await loadVersion(db, ctx.owner, req.params.version as number);
        if (!stored) throw notFound(`version ${req.params.version} of this ${spec.what}`);
        return answer(ctx, canEdit, stored);
      },
    );

    const CompareParams = Params.extend({ a: VersionNumber, b: VersionNumber });
    app.get(
      `${url}/versions/:a/compare/:b`,
      { schema: { tags, params: CompareParams, response: { 200: Comparison } } },
      async (req) => {
        const { ctx } = await open(req, "read");
        const { a, b } = req.params as { a: number; b: number };
        const [from, to] = await Promise.all([loadVersion(db, ctx.owner, a), loadVersion(db, ctx.owner, b)]);
        if (!from) throw notFound(`version ${a} of this ${spec.what}`);
        if (!to) throw notFound(`version ${b} of this ${spec.what}`);
        const summary = (s: StoredVersion) => ({
          version: s.version,
          savedAt: s.savedAt,
          savedBy: s.savedBy,
        });
        return { from: summary(from), to: summary(to), changes: diffSnapshots(from.content, to.content) };
      },
    );

    const exportOf = async (req: Parameters<typeof resolveProgramme>[1]) => {
      const { ctx } = await open(req, "read");
      const stored = await loadCurrent(db, ctx.owner);
      const content = await view(ctx, (stored?.content as C | undefined) ?? (await spec.empty(ctx)));
      const site = ctx.programme.sites.find((s) => s.id === ctx.owner.siteId);
      const meta: ExportMeta = {
        programmeCode: ctx.programme.code,
        scope: site ? `${site.code} – ${site.name}` : "region",
        what: spec.what,
        version: stored?.version ?? 0,
        savedAt: stored?.savedAt ?? null,
        savedBy: stored?.savedBy ?? null,
      };
      const base = [ctx.programme.code, spec.kind, site?.code ?? "region", `v${meta.version}`]
        .join("-")
        .replace(/[^A-Za-z0-9._-]/g, "_");
      return { ctx, content, meta, base };
    };

    app.get(`${url}/export.xlsx`, { schema: { tags, params: Params } }, async (req, reply) => {
      const { ctx, content, meta, base } = await exportOf(req);
      const sheets = await spec.sheets(ctx, content, meta);
      const about: Sheet = {
        name: "About",
        columns: sheetColumns({ Field: 16, Value: 60 }),
        rows: [
          ["Artefact", meta.what],
          ["Programme", meta.programmeCode],
          ["Scope", meta.scope],
          ["Version", meta.version],
          ["Saved at", meta.savedAt ?? "never saved"],
          ["Saved by", meta.savedBy ?? ""],
        ],
      };
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${base}.xlsx"`)
        .send(Buffer.from(writeXlsx([...sheets, about])));
    });

    if (spec.fromRegion && mount.params.length === 1 && mount.params[0] === "siteId")
      registerFromRegionRoutes(
        app,
        db,
        { ...spec, fromRegion: spec.fromRegion },
        url,
        Params,
        Document,
        answer,
      );
    if (spec.report) {
      const report = spec.report;
      app.get(`${url}/export.pdf`, { schema: { tags, params: Params } }, async (req, reply) => {
        const { ctx, content, meta, base } = await exportOf(req);
        const r = await report(ctx, content, meta);
        r.lines.unshift(
          `Programme ${meta.programmeCode} · ${meta.scope} · ` +
            (meta.version
              ? `version ${meta.version}, saved ${meta.savedAt} by ${meta.savedBy}`
              : "never saved"),
        );
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${base}.pdf"`)
          .send(await renderPdf(r));
      });
    }
  }
}

/** The usual mounts: `<segment>/region` and `<segment>/sites/:siteId`. */
export function regionAndSiteMounts(segment: string, kind: ArtefactKind): Mount[] {
  return [
    {
      path: `${segment}/region`,
      params: [],
      owner: async (_db, programmeId) => ({ programmeId, kind, siteId: null }),
    },
    {
      path: `${segment}/sites/:siteId`,
      params: ["siteId"],
      owner: async (_db, programmeId, p) => ({ programmeId, kind, siteId: p.siteId! }),
    },
  ];
}

/** A programme-level definition mounted at one path. */
export function definitionMount(path: string, kind: ArtefactKind): Mount {
  return { path, params: [], owner: async (_db, programmeId) => ({ programmeId, kind, siteId: null }) };
}
