import { z } from "zod";
import { DIRECTORY_SECTORS } from "../../shared/directory.ts";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { AppError, notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { createService } from "./create-service.ts";
import { writeServicesCsv } from "./csv.ts";
import { importServices } from "./import-services.ts";
import { linkServiceSite } from "./link-site.ts";
import { publicDirectory, readSettings, writeSettings } from "./public-page.ts";
import { RateWindow } from "./rate-window.ts";
import { findService, listServices } from "./repository.ts";
import {
  DeactivateBody,
  DirectoryRegion,
  DirectoryService,
  DirectorySettings,
  ImportBody,
  ImportResult,
  PublicDirectory,
  RegionCodeParams,
  RegionParams,
  ServiceBody,
  ServicePatch,
  ServiceQuery,
  ServiceSiteBody,
  SettingsBody,
} from "./schemas.ts";
import { directoryRegions, resolveRegion } from "./scope.ts";
import { deactivateService, updateService } from "./update-service.ts";

/** Requests per client address and minute on the public page. */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;

/**
 * The directory of services (issue 13, part 2): services of every sector in a region. Users of
 * the region read it; administrators and the region's regional coordinators change it (access.ts,
 * scope.ts); every change is audited. The public page (`/api/public/directory/:regionCode`) needs
 * no session and answers only when an administrator switched it on for the region.
 */
export function registerDirectoryRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["directory"];

  app.get(
    "/api/directory/regions",
    {
      schema: {
        tags,
        summary: "The regions whose directory the user reads, with what they may do there",
        response: { 200: z.array(DirectoryRegion) },
      },
    },
    async (req) => directoryRegions(db, principalOf(req)),
  );

  app.get(
    "/api/directory/services",
    {
      schema: {
        tags,
        summary: "A region's services, filtered",
        querystring: ServiceQuery,
        response: { 200: z.array(DirectoryService) },
      },
    },
    async (req) => {
      const { regionId, includeInactive, ...filter } = req.query;
      await resolveRegion(db, req, regionId, "read");
      return listServices(db, { regionId, ...filter, includeInactive: includeInactive === "true" });
    },
  );

  /** The service and its region's check; 404 for an unknown id. */
  const serviceFor = async (req: Parameters<typeof resolveRegion>[1], id: number, mode: "read" | "write") => {
    const service = await findService(db, id);
    if (!service) throw notFound("service");
    const principal = await resolveRegion(db, req, service.regionId, mode);
    return { service, principal };
  };

  app.get(
    "/api/directory/services/:id",
    { schema: { tags, summary: "One service", params: IdParams, response: { 200: DirectoryService } } },
    async (req) => (await serviceFor(req, req.params.id, "read")).service,
  );

  app.post(
    "/api/directory/services",
    {
      schema: {
        tags,
        summary: "Add a service to a region's directory",
        body: ServiceBody,
        response: { 201: DirectoryService },
      },
    },
    async (req, reply) => {
      const principal = await resolveRegion(db, req, req.body.regionId, "write");
      return reply.status(201).send(await createService(db, actorOf(principal), req.body));
    },
  );

  app.patch(
    "/api/directory/services/:id",
    {
      schema: {
        tags,
        summary: "Change a service (baseVersion: the version read; a stale one answers 409)",
        params: IdParams,
        body: ServicePatch,
        response: { 200: DirectoryService },
      },
    },
    async (req) => {
      const { service, principal } = await serviceFor(req, req.params.id, "write");
      return updateService(db, actorOf(principal), service.id, service.regionId, req.body);
    },
  );

  app.put(
    "/api/directory/services/:id/site",
    {
      schema: {
        tags,
        summary: "Link a service to the site of its region whose staff work for it (null: none)",
        params: IdParams,
        body: ServiceSiteBody,
        response: { 200: DirectoryService },
      },
    },
    async (req) => {
      const { service, principal } = await serviceFor(req, req.params.id, "write");
      return linkServiceSite(db, actorOf(principal), service.id, req.body.baseVersion, req.body.siteId);
    },
  );

  app.post(
    "/api/directory/services/:id/deactivate",
    {
      schema: {
        tags,
        summary: "Take a service out of the directory (kept, inactive)",
        params: IdParams,
        body: DeactivateBody,
        response: { 200: DirectoryService },
      },
    },
    async (req) => {
      const { service, principal } = await serviceFor(req, req.params.id, "write");
      return deactivateService(db, actorOf(principal), service.id, req.body.baseVersion);
    },
  );

  app.get(
    "/api/directory/regions/:regionId/export",
    {
      schema: {
        tags,
        summary: "The region's services as CSV (docs/directory.md); imports back unchanged",
        params: RegionParams,
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      await resolveRegion(db, req, req.params.regionId, "read");
      const region = await db
        .selectFrom("regions")
        .select("code")
        .where("id", "=", req.params.regionId)
        .executeTakeFirstOrThrow();
      const services = await listServices(db, {
        regionId: req.params.regionId,
        includeInactive: true,
        limit: 1_000_000,
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="services-${region.code}.csv"`)
        .send(writeServicesCsv(services));
    },
  );

  app.post(
    "/api/directory/regions/:regionId/import",
    {
      schema: {
        tags,
        summary: "Import the region's services from CSV, all-or-nothing, with every problem as file:line",
        params: RegionParams,
        body: ImportBody,
        response: { 200: ImportResult },
      },
    },
    async (req) => {
      const principal = await resolveRegion(db, req, req.params.regionId, "write");
      return importServices(db, actorOf(principal), req.params.regionId, req.body.fileName, req.body.csv);
    },
  );

  app.get(
    "/api/directory/regions/:regionId/settings",
    {
      schema: {
        tags,
        summary: "Whether the region's public page is on",
        params: RegionParams,
        response: { 200: DirectorySettings },
      },
    },
    async (req) => {
      await resolveRegion(db, req, req.params.regionId, "read");
      return readSettings(db, req.params.regionId);
    },
  );

  app.put(
    "/api/directory/regions/:regionId/settings",
    {
      schema: {
        tags,
        summary: "Switch the region's public page on or off (administrators)",
        params: RegionParams,
        body: SettingsBody,
        response: { 200: DirectorySettings },
      },
    },
    async (req) => {
      const principal = requireAdmin(req);
      const region = await db
        .selectFrom("regions")
        .select("id")
        .where("id", "=", req.params.regionId)
        .executeTakeFirst();
      if (!region) throw notFound("region");
      return writeSettings(db, actorOf(principal), region.id, req.body.publicEnabled);
    },
  );

  const window = new RateWindow(PUBLIC_REQUESTS_PER_MINUTE, 60_000);
  app.get(
    "/api/public/directory/:regionCode",
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "The region's public directory (no login): active services, no private contact; 404 when off",
        params: RegionCodeParams,
        querystring: z.strictObject({
          sector: z.enum(DIRECTORY_SECTORS).optional(),
          q: z.string().trim().max(200, "at most 200 characters").optional(),
        }),
        response: { 200: PublicDirectory },
      },
    },
    async (req, reply) => {
      const wait = window.take(req.ip, Date.now());
      if (wait > 0)
        throw new AppError("rate_limited", `too many requests; wait ${wait} seconds`, [], {
          "retry-after": String(wait),
        });
      const page = await publicDirectory(db, req.params.regionCode, req.query);
      return reply.header("cache-control", "public, max-age=60").send(page);
    },
  );
}
