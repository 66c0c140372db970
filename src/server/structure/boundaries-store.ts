import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import type { BoundaryCollection } from "./boundaries.ts";

export interface RegionBoundaries {
  regionId: number;
  property: string;
  features: number;
  areas: string[];
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** The area codes of a region, in code order. */
export async function regionAreaCodes(db: Executor, regionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("areas")
    .select("code")
    .where("region_id", "=", regionId)
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
}

/** What a region's uploaded boundaries are (not the geometry); undefined when none. */
export async function describeBoundaries(
  db: Executor,
  regionId: number,
): Promise<RegionBoundaries | undefined> {
  const row = await db
    .selectFrom("region_boundaries as b")
    .leftJoin("users as u", "u.id", "b.updated_by")
    .select([
      "b.region_id",
      "b.area_property",
      "b.features",
      "b.version",
      "b.updated_at",
      "u.username",
      "b.geojson",
    ])
    .where("b.region_id", "=", regionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const collection = row.geojson as BoundaryCollection;
  return {
    regionId: row.region_id,
    property: row.area_property,
    features: row.features,
    areas: collection.features.map((f) => String(f.properties[row.area_property])).sort(),
    version: row.version,
    updatedBy: row.username,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The geometry of a region's areas for the report's map; undefined when none was uploaded. */
export async function loadRegionBoundaries(
  db: Executor,
  regionId: number,
): Promise<{ property: string; version: number; collection: BoundaryCollection } | undefined> {
  const row = await db
    .selectFrom("region_boundaries")
    .select(["area_property", "version", "geojson"])
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { property: row.area_property, version: row.version, collection: row.geojson as BoundaryCollection };
}

/** Store a region's checked boundaries (replacing any), audited (metadata, not the geometry). */
export async function saveBoundaries(
  db: Db,
  actor: Actor,
  regionId: number,
  upload: { property: string; collection: BoundaryCollection; areas: string[]; bytes: number },
): Promise<void> {
  await auditedWrite(db, actor, { action: "upload", entity: "region_boundaries" }, async (trx) => {
    const before = await trx
      .selectFrom("region_boundaries")
      .select(["area_property", "features", "version"])
      .where("region_id", "=", regionId)
      .forUpdate()
      .executeTakeFirst();
    const version = (before?.version ?? 0) + 1;
    const values = {
      area_property: upload.property,
      geojson: JSON.stringify(upload.collection),
      features: upload.collection.features.length,
      version,
      updated_by: actor.id,
    };
    await trx
      .insertInto("region_boundaries")
      .values({ region_id: regionId, ...values })
      .onConflict((oc) => oc.column("region_id").doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    return {
      result: undefined,
      entityId: regionId,
      before: before
        ? { property: before.area_property, features: before.features, version: before.version }
        : null,
      after: {
        property: upload.property,
        features: values.features,
        areas: upload.areas,
        bytes: upload.bytes,
        version,
      },
    };
  });
}

/**
 * Remove a region's boundaries (the report then says none were uploaded), audited. None stored:
 * 404, refused inside the transaction so the refusal writes nothing, not even an audit entry.
 */
export async function removeBoundaries(db: Db, actor: Actor, regionId: number): Promise<void> {
  await auditedWrite(db, actor, { action: "delete", entity: "region_boundaries" }, async (trx) => {
    const gone = await trx
      .deleteFrom("region_boundaries")
      .where("region_id", "=", regionId)
      .returning(["area_property", "features", "version"])
      .executeTakeFirst();
    if (!gone) throw notFound("boundaries");
    return {
      result: undefined,
      entityId: regionId,
      before: { property: gone.area_property, features: gone.features, version: gone.version },
      after: null,
    };
  });
}
