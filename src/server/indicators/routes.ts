import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext, ZodApp } from "../context.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import {
  canEditProgramme,
  canReadProgramme,
  coordinatedProgrammes,
  isAdmin,
  memberSites,
} from "../infra/auth/access.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { addMonths, today } from "../infra/time/civil-date.ts";
import { Ok } from "../shared/schemas.ts";
import { CATALOGUE_IDS } from "./catalogue.ts";
import {
  type Cell,
  CompileError,
  compareKeys,
  type Dimension,
  NO_KEY,
  supportsDimension,
} from "./compile.ts";
import { fillPeriods, monthlyAsOfs } from "./dates.ts";
import { type DefinitionIssue, type IndicatorDefinition, validate } from "./definition.ts";
import { Memo } from "./memo.ts";
import { presentIndicator, presentRecords, resolvedTarget } from "./present.ts";
import {
  BreakdownQuery,
  BreakdownResponse,
  DefinitionBody,
  DefinitionList,
  DefinitionUpdate,
  IndicatorParams,
  IndicatorsQuery,
  IndicatorsResponse,
  Pins,
  PinsBody,
  PreviewBody,
  PreviewResponse,
  ProgrammeParams,
  SeriesQuery,
  SeriesResponse,
  StoredDefinitionOut,
} from "./schemas.ts";
import {
  BUILT_IN,
  checkAgainstProgramme,
  computeCells,
  liveFromFacts,
  loadProgrammeContext,
  loadUserDefinitions,
  type ProgrammeContext,
  programmeVersion,
  type StoredDefinition,
} from "./service.ts";

const MAX_SERIES_POINTS = 120;
const cannotWrite =
  "only an administrator or a regional coordinator of the programme may change its indicators";

/** Everything a read needs about a programme, as of one data_version. */
interface ProgrammeView {
  version: number;
  ctx: ProgrammeContext;
  own: StoredDefinition[];
  all: IndicatorDefinition[];
  pins: string[];
}

async function loadView(db: Db, programmeId: number, version: number): Promise<ProgrammeView | undefined> {
  const [ctx, own, pins] = await Promise.all([
    loadProgrammeContext(db, programmeId),
    loadUserDefinitions(db, programmeId),
    pinsOf(db, programmeId),
  ]);
  if (!ctx) return undefined;
  const all = [...BUILT_IN, ...own.map((o) => o.definition)];
  return { version, ctx, own, all, pins: pins.filter((id) => all.some((d) => d.id === id)) };
}

function seesEverything(p: Principal, ctx: ProgrammeContext): boolean {
  if (isAdmin(p) || coordinatedProgrammes(p).includes(ctx.id)) return true;
  const mine = memberSites(p);
  return ctx.siteIds.some((s) => mine.includes(s));
}

async function writeAccess(req: FastifyRequest, db: Db, programmeId: number) {
  const p = principalOf(req);
  const ctx = await loadProgrammeContext(db, programmeId);
  if (!ctx) throw notFound("programme");
  if (!canEditProgramme(p, ctx.id)) throw forbidden(cannotWrite);
  return { p, ctx };
}

/** A JSON body already serialized (through its response schema) and memoized as bytes. */
function sendJson(reply: FastifyReply, json: Buffer) {
  return reply.type("application/json; charset=utf-8").send(json as never);
}

function meta(d: IndicatorDefinition, ctx: ProgrammeContext) {
  return {
    id: d.id,
    label: d.label,
    description: d.description,
    kind: d.kind,
    target: resolvedTarget(d, ctx.inputs.parameters),
    direction: d.direction,
    source: d.compute.source,
    builtIn: CATALOGUE_IDS.includes(d.id),
    computedFrom: liveFromFacts(d, ctx.inputs) ? ("facts" as const) : ("records" as const),
  };
}

const programmeRef = (ctx: ProgrammeContext) => ({ id: ctx.id, code: ctx.code, name: ctx.name });

/** Validate a user definition, fully, with issues at `body.definition.<path>`. */
function parseDefinition(
  input: unknown,
  ctx: ProgrammeContext,
  field = "body.definition",
): IndicatorDefinition {
  const v = validate(input);
  const issues: DefinitionIssue[] = v.ok ? checkAgainstProgramme(v.definition, ctx) : v.issues;
  if (!v.ok || issues.length > 0) {
    const fieldIssues = issues.map((i) => ({
      field: i.path ? `${field}.${i.path}` : field,
      rule: i.rule,
      ...(i.params ? { params: i.params } : {}),
      message: i.message,
    }));
    throw new AppError(
      "validation",
      fieldIssues.map((i) => `${i.field}: ${i.message}`).join("; "),
      fieldIssues,
    );
  }
  return v.definition;
}

async function pinsOf(db: Db, programmeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("indicator_pins")
    .select("indicator_id")
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.indicator_id);
}

function findDefinition(all: IndicatorDefinition[], id: string): IndicatorDefinition {
  const d = all.find((x) => x.id === id);
  if (!d) throw notFound("indicator");
  return d;
}

const SEX_LABELS: Record<string, string> = { F: "female", M: "male", X: "other", U: "unknown" };

function groupLabel(by: Dimension, key: string, ctx: ProgrammeContext): string {
  if (key === NO_KEY) return by === "area" ? "no area" : "no band";
  if (by === "site") return ctx.sites.find((s) => s.code === key)?.name ?? key;
  if (by === "area") return ctx.sites.find((s) => s.areaCode === key)?.areaName ?? key;
  if (by === "sex") return SEX_LABELS[key] ?? key;
  return key;
}

const ZERO = (d: IndicatorDefinition): Cell => {
  if (d.kind === "ratio") return { numerator: 0, denominator: 0, value: null, size: 0 };
  if (d.kind === "count") return { numerator: 0, denominator: null, value: 0, size: 0 };
  return { numerator: null, denominator: null, value: null, size: 0 };
};

export function registerIndicatorRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["indicators"];
  /** Per server: programme views and finished responses, keyed by data_version (see memo.ts). */
  const views = new Memo<ProgrammeView>(64);
  const responses = new Memo<Buffer>(256);

  /**
   * Who may read a programme's indicators, and how: administrators, its regional coordinators
   * and the users of its sites (registered, or with enrolments in it) see every number; viewers
   * see aggregates with small cells suppressed. Anyone else: 403. Unknown programme: 404.
   */
  async function readAccess(req: FastifyRequest, programmeId: number) {
    const p = principalOf(req);
    const version = await programmeVersion(db, programmeId);
    if (version === undefined) throw notFound("programme");
    const viewKey = `${programmeId}|${version}`;
    let view = views.get(viewKey);
    if (!view) {
      view = await loadView(db, programmeId, version);
      if (!view) throw notFound("programme");
      views.set(viewKey, view);
    }
    const { ctx } = view;
    if (!canReadProgramme(p, { id: ctx.id, siteIds: ctx.siteIds })) {
      throw forbidden("you may read the indicators only of a programme you work in");
    }
    const suppress = !seesEverything(p, ctx);
    /** A response memo key for this programme, version and reader class. */
    const key = (...parts: Array<string | number | undefined>) =>
      [viewKey, suppress ? "v" : "f", ...parts.map((x) => x ?? "")].join("|");
    return { p, view, ctx, suppress, key };
  }

  /** The memoized JSON for `key`, or compute the body, serialize it through `schema` and keep it. */
  async function memoJson<T>(
    reply: FastifyReply,
    key: string,
    schema: { parse(v: unknown): T },
    compute: () => Promise<unknown>,
  ) {
    let json = responses.get(key);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(schema.parse(await compute())), "utf8");
      responses.set(key, json);
    }
    return sendJson(reply, json);
  }

  app.get(
    "/api/programmes/:id/indicators",
    {
      schema: {
        tags,
        summary: "Every indicator (or those in ids) for every site and the programme, as of asOf",
        params: ProgrammeParams,
        querystring: IndicatorsQuery,
        response: { 200: IndicatorsResponse },
      },
    },
    async (req, reply) => {
      const { view, ctx, suppress, key } = await readAccess(req, req.params.id);
      const asOf = req.query.asOf ?? today();
      const { all, pins } = view;
      let defs = all;
      if (req.query.ids !== undefined) {
        const ids = req.query.ids.split(",").filter(Boolean);
        const unknown = ids.filter((id) => !all.some((d) => d.id === id));
        if (unknown.length) throw invalid("query.ids", "unknown", `no indicator ${unknown.join(", ")}`);
        defs = all.filter((d) => ids.includes(d.id));
      }
      const threshold = req.query.smallSiteThreshold;
      return memoJson(reply, key("values", asOf, req.query.ids, threshold), IndicatorsResponse, async () => {
        const [cells] = await computeCells(db, ctx, defs, { asOf: [asOf] });
        return {
          programme: programmeRef(ctx),
          asOf,
          suppression: suppress,
          smallSiteThreshold: threshold,
          sites: ctx.sites,
          definitions: defs.map((d) => meta(d, ctx)),
          pinned: pins,
          indicators: presentRecords(defs, cells!, { suppress, smallSiteThreshold: threshold }),
        };
      });
    },
  );

  app.get(
    "/api/programmes/:id/indicators/:indicatorId/breakdown",
    {
      schema: {
        tags,
        summary: "One indicator by site, area, sex, age band, or month, quarter or year of enrolment",
        params: IndicatorParams,
        querystring: BreakdownQuery,
        response: { 200: BreakdownResponse },
      },
    },
    async (req, reply) => {
      const { view, ctx, suppress, key } = await readAccess(req, req.params.id);
      const d = findDefinition(view.all, req.params.indicatorId);
      const by = req.query.by;
      if (!supportsDimension(d, by)) {
        throw invalid(
          "query.by",
          "unsupported",
          `${d.id} is counted per site: break it down by site or area`,
        );
      }
      const asOf = req.query.asOf ?? today();
      const threshold = req.query.smallSiteThreshold;
      return memoJson(reply, key("breakdown", d.id, by, asOf, threshold), BreakdownResponse, async () => {
        let cells: Awaited<ReturnType<typeof computeCells>>;
        try {
          cells = await computeCells(db, ctx, [d], { asOf: [asOf], by });
        } catch (err) {
          if (err instanceof CompileError) throw invalid("query.by", "unsupported", err.message);
          throw err;
        }
        const result = cells[0]!;
        let groups = result.groups.map((g) => ({ key: g.key, cell: g.cells[0]! }));
        if (by === "enrolment_month" || by === "enrolment_quarter" || by === "enrolment_year") {
          const found = new Map(groups.map((g) => [g.key, g]));
          groups = fillPeriods(by, [...found.keys()]).map((key) => found.get(key) ?? { key, cell: ZERO(d) });
        }
        groups.sort((a, b) => compareKeys(by, ctx.inputs.parameters, a.key, b.key));
        const shown = presentIndicator(d, groups, result.total[0]!, {
          suppress,
          smallSiteThreshold: threshold,
        });
        return {
          programme: programmeRef(ctx),
          asOf,
          by,
          suppression: suppress,
          definition: meta(d, ctx),
          groups: groups.map((g, i) => ({
            key: g.key === NO_KEY ? null : g.key,
            label: groupLabel(by, g.key, ctx),
            ...shown.groups[i]!,
          })),
          total: shown.total,
        };
      });
    },
  );

  app.get(
    "/api/programmes/:id/indicators/:indicatorId/series",
    {
      schema: {
        tags,
        summary: "Monthly as-of values of one indicator for every site and the programme (one query)",
        params: IndicatorParams,
        querystring: SeriesQuery,
        response: { 200: SeriesResponse },
      },
    },
    async (req, reply) => {
      const { view, ctx, suppress, key } = await readAccess(req, req.params.id);
      const d = findDefinition(view.all, req.params.indicatorId);
      const to = req.query.to ?? today();
      const from = req.query.from ?? defaultSeriesStart(ctx, to);
      if (from > to) throw invalid("query.from", "order", "from must be on or before to");
      const asOfs = monthlyAsOfs(from, to);
      if (asOfs.length > MAX_SERIES_POINTS) {
        throw invalid("query.from", "too_long", `at most ${MAX_SERIES_POINTS} months`);
      }
      const threshold = req.query.smallSiteThreshold;
      return memoJson(reply, key("series", d.id, from, to, threshold), SeriesResponse, async () => {
        const results = await computeCells(db, ctx, [d], { asOf: asOfs });
        const options = { suppress, smallSiteThreshold: threshold };
        const perSite = new Map<
          string | null,
          Array<{ asOf: string } & ReturnType<typeof presentIndicator>["total"]>
        >();
        for (const s of ctx.sites) perSite.set(s.code, []);
        perSite.set(null, []);
        for (const r of results) {
          const groups = r.groups.map((g) => ({ key: g.key, cell: g.cells[0]! }));
          const shown = presentIndicator(d, groups, r.total[0]!, options);
          groups.forEach((g, i) => {
            perSite.get(g.key)?.push({ asOf: r.asOf, ...shown.groups[i]! });
          });
          perSite.get(null)!.push({ asOf: r.asOf, ...shown.total });
        }
        return {
          programme: programmeRef(ctx),
          from,
          to,
          suppression: suppress,
          definition: meta(d, ctx),
          asOfs,
          series: [...perSite].map(([site, points]) => ({ site, points })),
        };
      });
    },
  );

  app.get(
    "/api/programmes/:id/indicator-definitions",
    {
      schema: {
        tags,
        summary: "The built-in and the programme's own indicator definitions",
        params: ProgrammeParams,
        response: { 200: DefinitionList },
      },
    },
    async (req) => {
      const { ctx, view } = await readAccess(req, req.params.id);
      const own = view.own;
      return {
        definitions: [
          ...BUILT_IN.map((d) => ({
            id: d.id,
            builtIn: true,
            version: 0,
            updatedAt: null,
            meta: meta(d, ctx),
            definition: d,
          })),
          ...own.map((o) => ({
            id: o.definition.id,
            builtIn: false,
            version: o.version,
            updatedAt: o.updatedAt,
            meta: meta(o.definition, ctx),
            definition: o.definition,
          })),
        ],
      };
    },
  );

  app.post(
    "/api/programmes/:id/indicator-definitions/preview",
    {
      schema: {
        tags,
        summary: "Compute a definition without saving it",
        params: ProgrammeParams,
        body: PreviewBody,
        response: { 200: PreviewResponse },
      },
    },
    async (req) => {
      const { ctx } = await writeAccess(req, db, req.params.id);
      const d = parseDefinition(req.body.definition, ctx);
      const asOf = req.body.asOf ?? today();
      const [cells] = await computeCells(db, ctx, [d], { asOf: [asOf] });
      return {
        programme: programmeRef(ctx),
        asOf,
        definition: meta(d, ctx),
        indicators: presentRecords([d], cells!, { suppress: false, smallSiteThreshold: 5 }),
      };
    },
  );

  app.post(
    "/api/programmes/:id/indicator-definitions",
    {
      schema: {
        tags,
        summary: "Add an indicator of the programme (validated before it is saved)",
        params: ProgrammeParams,
        body: DefinitionBody,
        response: { 201: StoredDefinitionOut },
      },
    },
    async (req, reply) => {
      const { p, ctx } = await writeAccess(req, db, req.params.id);
      const d = parseDefinition(req.body.definition, ctx);
      const saved = await auditedWrite(
        db,
        actorOf(p),
        { action: "create", entity: "indicator_definition" },
        async (trx) => {
          const taken = await trx
            .selectFrom("indicator_definitions")
            .select("id")
            .where("programme_id", "=", ctx.id)
            .where("indicator_id", "=", d.id)
            .executeTakeFirst();
          if (taken) throw conflict(`the programme already has an indicator "${d.id}"`, "body.definition.id");
          const row = await trx
            .insertInto("indicator_definitions")
            .values({
              programme_id: ctx.id,
              indicator_id: d.id,
              definition: JSON.stringify(d),
              created_by: p.userId,
              updated_at: new Date(),
            })
            .returning(["id", "version", "updated_at"])
            .executeTakeFirstOrThrow();
          const out = {
            id: d.id,
            builtIn: false,
            version: row.version,
            updatedAt: new Date(row.updated_at).toISOString(),
            meta: meta(d, ctx),
            definition: d,
          };
          return { result: out, entityId: row.id, programmeId: ctx.id, before: null, after: d };
        },
      );
      return reply.status(201).send(saved);
    },
  );

  app.put(
    "/api/programmes/:id/indicator-definitions/:indicatorId",
    {
      schema: {
        tags,
        summary: "Replace one of the programme's own indicator definitions",
        params: IndicatorParams,
        body: DefinitionUpdate,
        response: { 200: StoredDefinitionOut },
      },
    },
    async (req) => {
      const { p, ctx } = await writeAccess(req, db, req.params.id);
      const d = parseDefinition(req.body.definition, ctx);
      if (d.id !== req.params.indicatorId) {
        throw invalid(
          "body.definition.id",
          "immutable",
          "an indicator keeps its id: create a new one instead",
        );
      }
      return auditedWrite(
        db,
        actorOf(p),
        { action: "update", entity: "indicator_definition" },
        async (trx) => {
          const row = await trx
            .selectFrom("indicator_definitions")
            .select(["id", "version", "definition"])
            .where("programme_id", "=", ctx.id)
            .where("indicator_id", "=", d.id)
            .forUpdate()
            .executeTakeFirst();
          if (!row) {
            if (CATALOGUE_IDS.includes(d.id)) throw forbidden("built-in indicators cannot be changed");
            throw notFound("indicator");
          }
          if (row.version !== req.body.baseVersion) {
            throw new AppError(
              "stale_version",
              `the indicator changed since you read it (version ${row.version}, you sent ${req.body.baseVersion})`,
              [
                {
                  field: "body.baseVersion",
                  rule: "stale_version",
                  message: "reload and apply your change again",
                },
              ],
            );
          }
          const updated = await trx
            .updateTable("indicator_definitions")
            .set({ definition: JSON.stringify(d), version: row.version + 1, updated_at: new Date() })
            .where("id", "=", row.id)
            .returning(["version", "updated_at"])
            .executeTakeFirstOrThrow();
          const out = {
            id: d.id,
            builtIn: false,
            version: updated.version,
            updatedAt: new Date(updated.updated_at).toISOString(),
            meta: meta(d, ctx),
            definition: d,
          };
          return { result: out, entityId: row.id, programmeId: ctx.id, before: row.definition, after: d };
        },
      );
    },
  );

  app.delete(
    "/api/programmes/:id/indicator-definitions/:indicatorId",
    {
      schema: {
        tags,
        summary: "Delete one of the programme's own indicators (and its pin)",
        params: IndicatorParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const { p, ctx } = await writeAccess(req, db, req.params.id);
      const id = req.params.indicatorId;
      await auditedWrite(
        db,
        actorOf(p),
        { action: "delete", entity: "indicator_definition" },
        async (trx) => {
          const row = await trx
            .deleteFrom("indicator_definitions")
            .where("programme_id", "=", ctx.id)
            .where("indicator_id", "=", id)
            .returning(["id", "definition"])
            .executeTakeFirst();
          if (!row) {
            if (CATALOGUE_IDS.includes(id)) throw forbidden("built-in indicators cannot be deleted");
            throw notFound("indicator");
          }
          await trx
            .deleteFrom("indicator_pins")
            .where("programme_id", "=", ctx.id)
            .where("indicator_id", "=", id)
            .execute();
          return { result: null, entityId: row.id, programmeId: ctx.id, before: row.definition, after: null };
        },
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/programmes/:id/indicator-pins",
    {
      schema: {
        tags,
        summary: "The indicators the programme pins to its overview, in order",
        params: ProgrammeParams,
        response: { 200: Pins },
      },
    },
    async (req) => {
      const { view } = await readAccess(req, req.params.id);
      return { indicatorIds: view.pins };
    },
  );

  app.put(
    "/api/programmes/:id/indicator-pins",
    {
      schema: {
        tags,
        summary: "Replace the programme's pinned indicators (the order is kept)",
        params: ProgrammeParams,
        body: PinsBody,
        response: { 200: Pins },
      },
    },
    async (req) => {
      const { p, ctx } = await writeAccess(req, db, req.params.id);
      const ids = req.body.indicatorIds;
      return auditedWrite(db, actorOf(p), { action: "update", entity: "indicator_pins" }, async (trx) => {
        const own = await trx
          .selectFrom("indicator_definitions")
          .select("indicator_id")
          .where("programme_id", "=", ctx.id)
          .execute();
        const known = new Set([...CATALOGUE_IDS, ...own.map((o) => o.indicator_id)]);
        const issues = ids
          .map((id, i) => ({ id, i }))
          .filter(({ id }) => !known.has(id))
          .map(({ id, i }) => ({
            field: `body.indicatorIds.${i}`,
            rule: "unknown",
            message: `no indicator ${id}`,
          }));
        if (issues.length) {
          throw new AppError("validation", issues.map((x) => `${x.field}: ${x.message}`).join("; "), issues);
        }
        const before = (
          await trx
            .selectFrom("indicator_pins")
            .select("indicator_id")
            .where("programme_id", "=", ctx.id)
            .orderBy("position")
            .execute()
        ).map((r) => r.indicator_id);
        await trx.deleteFrom("indicator_pins").where("programme_id", "=", ctx.id).execute();
        if (ids.length) {
          await trx
            .insertInto("indicator_pins")
            .values(ids.map((indicator_id, position) => ({ programme_id: ctx.id, indicator_id, position })))
            .execute();
        }
        return {
          result: { indicatorIds: ids },
          entityId: ctx.id,
          programmeId: ctx.id,
          before,
          after: ids,
        };
      });
    },
  );
}

/** A series starts at the implementation phase, else twelve months before `to`. */
function defaultSeriesStart(ctx: ProgrammeContext, to: string): string {
  const start = ctx.implementationStart;
  if (start && start <= to) {
    const earliest = addMonths(to, -(MAX_SERIES_POINTS - 1));
    // civil dates compare as strings
    if (start < earliest) return earliest;
    return start;
  }
  return addMonths(to, -11);
}
