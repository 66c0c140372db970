import type { AppContext, ZodApp } from "../context.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { today } from "../infra/time/civil-date.ts";
import { Ok } from "../shared/schemas.ts";
import { indicatorReads, writeAccess } from "./access.ts";
import {
  createDefinition,
  deleteDefinition,
  listDefinitions,
  parseDefinition,
  replaceDefinition,
} from "./definitions.ts";
import { replacePins } from "./pins.ts";
import { findDefinition } from "./programme-view.ts";
import { checkDimension, indicatorBreakdown } from "./read/breakdown.ts";
import { indicatorSeries, seriesMonths } from "./read/series.ts";
import { indicatorValues, previewValues, selectDefinitions } from "./read/values.ts";
import { indicatorCache } from "./read-cache.ts";
import {
  BreakdownQuery,
  BreakdownResponse,
  CatalogueResponse,
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
import { BUILT_IN } from "./service.ts";

/**
 * The indicators API: who may read and write (access.ts), what is computed (read/, the facts
 * and service.ts), what is stored (definitions.ts, pins.ts). Reads are memoized per server under
 * the programme's data_version.
 */
export function registerIndicatorRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  const tags = ["indicators"];
  const { readAccess, memoJson } = indicatorReads(indicatorCache(ctx));

  app.get(
    "/api/indicator-catalogue",
    {
      schema: {
        tags,
        summary: "The built-in indicators, their kinds and directions (no values)",
        response: { 200: CatalogueResponse },
      },
    },
    async () => ({
      definitions: BUILT_IN.map((d) => ({
        id: d.id,
        label: d.label,
        description: d.description,
        kind: d.kind,
        direction: d.direction,
        builtIn: true as const,
      })),
    }),
  );

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
      const { view, suppress, key } = await readAccess(req, req.params.id);
      const asOf = req.query.asOf ?? today();
      const defs = selectDefinitions(view.all, req.query.ids);
      const smallSiteThreshold = req.query.smallSiteThreshold;
      return memoJson(reply, key("values", asOf, req.query.ids, smallSiteThreshold), IndicatorsResponse, () =>
        indicatorValues(db, view, defs, { asOf, suppress, smallSiteThreshold }),
      );
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
      const { by } = req.query;
      checkDimension(d, by);
      const asOf = req.query.asOf ?? today();
      const smallSiteThreshold = req.query.smallSiteThreshold;
      return memoJson(reply, key("breakdown", d.id, by, asOf, smallSiteThreshold), BreakdownResponse, () =>
        indicatorBreakdown(db, ctx, d, { by, asOf, suppress, smallSiteThreshold }),
      );
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
      const months = seriesMonths(ctx, req.query.to ?? today(), req.query.from);
      const smallSiteThreshold = req.query.smallSiteThreshold;
      return memoJson(
        reply,
        key("series", d.id, months.from, months.to, smallSiteThreshold),
        SeriesResponse,
        () => indicatorSeries(db, ctx, d, months, { suppress, smallSiteThreshold }),
      );
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
      return listDefinitions(ctx, view.own);
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
      return previewValues(db, ctx, d, req.body.asOf ?? today());
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
      return reply.status(201).send(await createDefinition(db, actorOf(p), ctx, d));
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
      return replaceDefinition(db, actorOf(p), ctx, req.params.indicatorId, d, req.body.baseVersion);
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
      await deleteDefinition(db, actorOf(p), ctx, req.params.indicatorId);
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
      return replacePins(db, actorOf(p), ctx, req.body.indicatorIds);
    },
  );
}
