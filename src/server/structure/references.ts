import type { Db } from "../infra/db/database.ts";
import { invalid } from "../infra/http/errors.ts";
import { findArea, findRegion } from "./repository.ts";

/**
 * The references a structure change checks inside its transaction (400 naming the field): a
 * region that exists, an area of the site's own region.
 */

export async function areaOfRegion(db: Db, areaId: number, regionId: number) {
  const area = await findArea(db, areaId);
  if (!area) throw invalid("body.areaId", "reference", "no such area");
  if (area.region_id !== regionId)
    throw invalid("body.areaId", "same_region", "the area belongs to another region");
}

export async function requireRegion(db: Db, regionId: number) {
  if (!(await findRegion(db, regionId))) throw invalid("body.regionId", "reference", "no such region");
}
