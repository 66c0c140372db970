import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { canShapeRegionReport, coordinatedProgrammes } from "../core/access/roles.ts";
import { coordinatorRegions } from "../core/programme-scope.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, issuesError, notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { BOUNDARY_FILE_MAX, checkBoundaries } from "./boundaries.ts";
import { describeBoundaries, regionAreaCodes, removeBoundaries, saveBoundaries } from "./boundaries-store.ts";

const UploadBody = z.strictObject({
  property: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, dot, underscore and hyphen only")
    .default("code"),
  /** The GeoJSON file's text (checked by boundaries.ts: the refusals name the place in it). */
  file: z.string().max(BOUNDARY_FILE_MAX + 1),
});
const Described = z.object({
  boundaries: z
    .object({
      regionId: z.number(),
      property: z.string(),
      features: z.number(),
      areas: z.array(z.string()),
      version: z.number(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  canUpload: z.boolean(),
});

async function mayUpload(db: Db, p: Principal, regionId: number): Promise<boolean> {
  return canShapeRegionReport(p, regionId, await coordinatorRegions(db, coordinatedProgrammes(p)));
}

async function uploader(db: Db, req: FastifyRequest, regionId: number): Promise<Principal> {
  const p = principalOf(req);
  const region = await db.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst();
  if (!region) throw notFound("region");
  if (!(await mayUpload(db, p, regionId)))
    throw forbidden(
      "only administrators and the region's regional coordinators may change its area boundaries",
    );
  return p;
}

/**
 * A region's area boundaries for the report's map (issue 12): GET what is uploaded (every
 * signed-in user: structure is reference data), PUT a GeoJSON file (checked whole; a refusal names
 * each problem and stores nothing), DELETE it. Administrators and the region's coordinators only;
 * audited (`region_boundaries`).
 */
export function registerBoundaryRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["structure"];
  app.get(
    "/api/regions/:id/boundaries",
    {
      schema: {
        tags,
        summary: "The region's uploaded area boundaries (not the geometry)",
        params: IdParams,
        response: { 200: Described },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const region = await db
        .selectFrom("regions")
        .select("id")
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (!region) throw notFound("region");
      return {
        boundaries: (await describeBoundaries(db, req.params.id)) ?? null,
        canUpload: await mayUpload(db, p, req.params.id),
      };
    },
  );
  app.put(
    "/api/regions/:id/boundaries",
    {
      schema: {
        tags,
        summary:
          "Upload the region's area boundaries: a GeoJSON FeatureCollection of Polygon/MultiPolygon features",
        params: IdParams,
        body: UploadBody,
        response: { 200: Described },
      },
    },
    async (req) => {
      const p = await uploader(db, req, req.params.id);
      const areaCodes = await regionAreaCodes(db, req.params.id);
      const checked = checkBoundaries(req.body.file, { areaCodes, property: req.body.property });
      if (!checked.ok) throw issuesError(checked.issues);
      await saveBoundaries(db, actorOf(p), req.params.id, {
        property: req.body.property,
        collection: checked.collection,
        areas: checked.areas,
        bytes: req.body.file.length,
      });
      return { boundaries: (await describeBoundaries(db, req.params.id)) ?? null, canUpload: true };
    },
  );
  app.delete(
    "/api/regions/:id/boundaries",
    {
      schema: {
        tags,
        summary: "Remove the region's area boundaries",
        params: IdParams,
        response: { 200: Described },
      },
    },
    async (req) => {
      const p = await uploader(db, req, req.params.id);
      await removeBoundaries(db, actorOf(p), req.params.id);
      return { boundaries: null, canUpload: true };
    },
  );
}
